import { z } from 'zod';
import { UN_LANGUAGES } from '../i18n/languages';

/**
 * The host contract: everything the renderer needs from the operating system, declared once.
 * Electron implements it in the main process (behind the preload's contextBridge); the browser host
 * (renderer/host/browser) implements it with web APIs. Each call takes one argument object and has a
 * schema for it and for its result; both sides validate at run time.
 */

/** The largest file the host reads or writes for the app (files.open's maxBytes ceiling). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const base64 = z
  .string()
  .max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * A registry is reached over https; plain http only on this computer (the demo registry, tests).
 * The CSP (shared/host/csp.ts) enforces the same rule, so a setting it would block is refused here
 * with a clear message instead of failing later as "offline".
 */
export function isAllowedRegistryUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

export const SettingsSchema = z.object({
  language: z.enum(UN_LANGUAGES).optional(),
  /** Address of the central registry; unset means the local demo registry. */
  registryUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .refine(isAllowedRegistryUrl, 'https://, or http:// only on this computer')
    .optional(),
  /** Minutes of inactivity before the vault locks itself. */
  idleLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** The directory is flagged stale after this many days without a sync. */
  staleSyncDays: z.number().int().min(1).max(365).default(14),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** External links the app may hand to the OS: web pages over https and mail drafts. */
export const ExternalUrlSchema = z
  .string()
  .max(200_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'mailto:';
    } catch {
      return false;
    }
  }, 'only https: and mailto: links may be opened');

const FileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(20),
});

const empty = z.object({}).strict();

/** A place in the app (renderer/app/navigation.ts), e.g. '#/pings' or '#/cases/<id>'. */
export const AppRouteSchema = z.string().regex(/^#\/[a-z]+(\/[A-Za-z0-9_.:-]{1,120})?$/);

export const hostCalls = {
  'app.info': {
    arg: empty,
    result: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      platform: z.string(),
    }),
  },
  'settings.get': { arg: empty, result: SettingsSchema },
  'settings.set': { arg: SettingsPatchSchema, result: SettingsSchema },
  /** Whether the OS secret store can protect the vault key (never true for Linux's basic_text). */
  'secrets.status': {
    arg: empty,
    result: z.object({ available: z.boolean(), backend: z.string().max(100) }),
  },
  /** Encrypts a small secret (the vault data key) with the OS secret store; returns opaque bytes. */
  'secrets.protect': {
    arg: z.object({ secret: base64.max(1024) }).strict(),
    result: z.object({ protected: base64 }),
  },
  'secrets.unprotect': {
    arg: z.object({ protected: base64.max(8192) }).strict(),
    result: z.object({ secret: base64 }),
  },
  /** Lets the user pick a file; returns its bytes, or null when cancelled. */
  'files.open': {
    arg: z
      .object({
        title: z.string().max(200).optional(),
        filters: z.array(FileFilterSchema).max(10).default([]),
        maxBytes: z
          .number()
          .int()
          .positive()
          .max(MAX_FILE_BYTES)
          .default(20 * 1024 * 1024),
      })
      .strict(),
    result: z.object({ name: z.string().max(255), bytes: base64 }).nullable(),
  },
  /** Lets the user save bytes to a file of their choosing; false when cancelled. */
  'files.save': {
    arg: z
      .object({
        suggestedName: z
          .string()
          .min(1)
          .max(120)
          .refine(
            (name) =>
              name !== '.' &&
              name !== '..' &&
              !/[/\\:*?"<>|]/.test(name) &&
              ![...name].some((c) => c.charCodeAt(0) < 0x20),
            {
              message: 'a plain file name, no folders',
            },
          ),
        mimeType: z
          .string()
          .max(100)
          .regex(/^[a-z]+\/[a-z0-9.+-]+$/),
        bytes: base64,
      })
      .strict(),
    result: z.object({ saved: z.boolean() }),
  },
  'external.open': {
    arg: z.object({ url: ExternalUrlSchema }).strict(),
    result: z.object({ opened: z.boolean() }),
  },
  'notify.show': {
    arg: z
      .object({
        title: z.string().min(1).max(200),
        body: z.string().max(1000),
        /** Where a click on the notification takes the user. */
        route: AppRouteSchema.optional(),
      })
      .strict(),
    result: z.object({ shown: z.boolean() }),
  },
} as const;

export type HostCallName = keyof typeof hostCalls;
export const HOST_CALL_NAMES = Object.keys(hostCalls) as HostCallName[];
export type HostArg<K extends HostCallName> = z.input<(typeof hostCalls)[K]['arg']>;
export type HostParsedArg<K extends HostCallName> = z.output<(typeof hostCalls)[K]['arg']>;
export type HostResult<K extends HostCallName> = z.output<(typeof hostCalls)[K]['result']>;

export const HOST_ERROR_CODES = [
  'invalid-argument',
  'unknown-call',
  'forbidden-sender',
  'unavailable',
  'too-large',
  'failed',
] as const;
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];
export interface HostFailure {
  code: HostErrorCode;
  message: string;
}
export type HostEnvelope<T> = { ok: true; value: T } | { ok: false; error: HostFailure };

/** What a host implements: one async handler per call, given an already validated argument. */
export type HostHandlers = { [K in HostCallName]: (arg: HostParsedArg<K>) => Promise<HostResult<K>> };

/**
 * Things the host tells the renderer without being asked: the OS screen was locked or the machine is
 * going to sleep, so the vault should lock itself now rather than after the idle delay.
 */
export const HOST_EVENT_TYPES = ['os.lock', 'os.suspend'] as const;
export type HostEventType = (typeof HOST_EVENT_TYPES)[number];
export const HostEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(HOST_EVENT_TYPES) }).strict(),
  /** The user clicked a notification that leads somewhere in the app. */
  z.object({ type: z.literal('navigate'), route: AppRouteSchema }).strict(),
]);
export type HostEvent = z.infer<typeof HostEventSchema>;
export type HostEventListener = (event: HostEvent) => void;

/** What the renderer calls: the preload bridge in Electron, the browser host in Chromium. */
export interface HostBridge {
  invoke(name: string, arg: unknown): Promise<HostEnvelope<unknown>>;
  /** Subscribes to host events; returns the unsubscribe function. Absent where the host has none. */
  onEvent?(listener: HostEventListener): () => void;
}

export const HOST_BRIDGE_GLOBAL = 'pocHost';
export const HOST_IPC_CHANNEL = 'poc-host:invoke';
export const HOST_EVENT_CHANNEL = 'poc-host:event';
