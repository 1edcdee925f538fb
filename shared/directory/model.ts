import { z } from 'zod';
import { UN_LANGUAGES } from '../i18n/languages';

/**
 * A directory entry, as Annex A §7 (a) of A/78/265 describes it:
 * « Chaque État peut désigner, à sa discrétion, des points de contact diplomatiques et techniques …
 *   les points de contact peuvent être une entité ou institution nationale habilitée, ou un
 *   représentant désigné de celle-ci … Les coordonnées (numéro de téléphone et adresse électronique),
 *   le nom et le titre de la personne, le cas échéant, ainsi que la ou les langues de travail … »
 * An entry may be written in any of the six official languages, with an unofficial English
 * translation encouraged.
 */

/** ISO 3166-1 alpha-3 code of a State (shared/directory/states.ts lists the 195 the directory knows). */
export const StateCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');
export type StateCode = z.infer<typeof StateCodeSchema>;

export const POC_ROLES = ['diplomatic', 'technical'] as const;
export const PocRoleSchema = z.enum(POC_ROLES);
export type PocRole = z.infer<typeof PocRoleSchema>;

/** An authorised national entity/institution, or a named representative of one (A §7 a). */
export const POC_KINDS = ['entity', 'representative'] as const;
export const PocKindSchema = z.enum(POC_KINDS);
export type PocKind = z.infer<typeof PocKindSchema>;

/** Regional POC directories that A §12 names or implies. */
export const REGIONAL_DIRECTORIES = [
  'OSCE',
  'OAS',
  'ARF',
  'AU',
  'EU',
  'OIC',
  'CSTO',
  'SCO',
  'other',
] as const;
export const RegionalDirectorySchema = z.enum(REGIONAL_DIRECTORIES);

/** Opaque entry id: identifies nothing by itself, so it may be indexed in clear. */
export const EntryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** E.164: + and up to 15 digits. Input is normalised with libphonenumber-js before it gets here. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'a telephone number in E.164 form');

/** OpenPGP v4 (40 hex) or v6 (64 hex) fingerprint, upper case, no spaces. */
export const FingerprintSchema = z.string().regex(/^([0-9A-F]{40}|[0-9A-F]{64})$/);

/** The translatable text fields of an entry, in the entry's own language or in English. */
export const EntryTextSchema = z.object({
  entity: z.string().trim().min(1).max(300),
  personName: z.string().trim().max(200).optional(),
  personTitle: z.string().trim().max(200).optional(),
  officeHours: z.string().trim().max(300).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type EntryText = z.infer<typeof EntryTextSchema>;

export const PointOfContactSchema = z.object({
  id: EntryIdSchema,
  state: StateCodeSchema,
  role: PocRoleSchema,
  kind: PocKindSchema,
  /** The UN official language the entry is written in. */
  language: z.enum(UN_LANGUAGES),
  text: EntryTextSchema,
  /** Optional unofficial English translation of the text fields (A §7 a). */
  english: EntryTextSchema.optional(),
  phones: z.array(E164Schema).max(10),
  emails: z.array(z.email().max(254)).max(10),
  /** Working languages as BCP 47 tags (not limited to the six). */
  workingLanguages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))
    .min(1)
    .max(12),
  openpgp: z
    .object({
      fingerprint: FingerprintSchema,
      publicKey: z.string().max(64 * 1024),
    })
    .optional(),
  /** IANA time zone of the office, e.g. Europe/Paris. */
  timeZone: z.string().max(64).optional(),
  regionalDirectories: z.array(RegionalDirectorySchema).max(REGIONAL_DIRECTORIES.length).default([]),
  /** When this POC last confirmed a registry ping test (A §8). */
  lastPingConfirmedAt: z.iso.datetime().optional(),
  revision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
});
export type PointOfContact = z.infer<typeof PointOfContactSchema>;
export type PointOfContactInput = z.input<typeof PointOfContactSchema>;
