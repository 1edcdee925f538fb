import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import type { PocRole } from '../../shared/directory/model';
import { signCanonical } from '../../shared/registry/signing';
import { enrolWithRegistry, fetchRegistryIdentity } from '../../shared/sync/enrolment';
import { RegistryClient, type FetchLike } from '../../shared/sync/registryClient';
import { MemorySyncStore } from '../../shared/sync/store';
import { SyncEngine, type SyncEngineOptions } from '../../shared/sync/syncEngine';
import { createRegistryServer, type RegistryServer, type RegistryServerOptions } from '../../registry/server';

/** A test clock that tests move by hand. */
export function movableClock(start = Date.parse('2026-03-01T09:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export interface RunningRegistry {
  server: RegistryServer;
  url: string;
  dataDir: string;
  /** `mayCreate`: how many entries the enrolled account may create (issue 9 §1; default 0). */
  issueCode(state: string, role: PocRole, mayCreate?: number): string;
  stop(): Promise<void>;
}

export async function startRegistry(options: Partial<RegistryServerOptions> = {}): Promise<RunningRegistry> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'poc-registry-'));
  const server = await createRegistryServer({ rateLimitPerMinute: 100_000, ...options, dataDir });
  const url = await server.listen(0);
  let n = 0;
  return {
    server,
    url,
    dataDir,
    issueCode(state, role, mayCreate = 0) {
      const code = `TEST-${state}-${role.slice(0, 4).toUpperCase()}-${String(++n).padStart(4, '0')}`;
      const now = server.context.now();
      server.context.accounts.issueCode({
        code,
        state,
        role,
        issuedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 86_400_000).toISOString(),
        mayCreate,
      });
      return code;
    },
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A POC's key pair, generated fresh (Ed25519, no passphrase: test only). */
export async function pocKey(name = 'Fictional POC') {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    format: 'object',
  });
  return { privateKey, publicKey: publicKey.armor() };
}

export const nodeFetch: FetchLike = (url, init) => fetch(url, init);

/** A fetch that lets a test read or rewrite answers (as text) on their way to the client. */
export function rewritingFetch(
  rewrite: (text: string, url: string, status: number) => string | Promise<string>,
): FetchLike {
  return async (url, init) => {
    const response = await nodeFetch(url, init);
    const text = await response.text();
    const rewritten = await rewrite(text, url, response.status);
    return { status: response.status, text: () => Promise.resolve(rewritten) };
  };
}

export interface TestPoc {
  store: MemorySyncStore;
  engine: SyncEngine;
  client: RegistryClient;
  sign: (statement: unknown) => Promise<string>;
  /** Builds another engine over the same store, as after an app restart. */
  restart(overrides?: Partial<SyncEngineOptions>): SyncEngine;
}

export async function enrolPoc(
  url: string,
  code: string,
  options: { fetch?: FetchLike; now?: () => number; store?: MemorySyncStore } = {},
): Promise<TestPoc> {
  const key = await pocKey();
  const client = new RegistryClient({ baseUrl: url, fetch: options.fetch ?? nodeFetch, timeoutMs: 5_000 });
  const info = await fetchRegistryIdentity(new RegistryClient({ baseUrl: url, fetch: nodeFetch }));
  const state = await enrolWithRegistry({
    client,
    confirmed: info,
    code,
    ownPublicKey: key.publicKey,
    ...(options.now ? { now: options.now } : {}),
  });
  const store = options.store ?? new MemorySyncStore();
  await store.saveState(state);
  const sign = (statement: unknown) => signCanonical(statement, key.privateKey);
  const make = (overrides: Partial<SyncEngineOptions> = {}) =>
    new SyncEngine({
      store,
      client,
      sign,
      random: () => 0.5,
      ...(options.now ? { now: options.now } : {}),
      ...overrides,
    });
  return { store, engine: make(), client, sign, restart: make };
}
