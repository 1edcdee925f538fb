import { z } from 'zod';
import {
  E164Schema,
  FingerprintSchema,
  PocRoleSchema,
  RegionalDirectorySchema,
  StateCodeSchema,
} from '../directory/model';

/**
 * Regional POC directories (A/78/265, Annex A §12): « Lorsque les États qui établissent la
 * communication sont membres d'une même organisation régionale et que celle-ci est dotée d'un
 * répertoire d'interlocuteurs opérationnel, ils peuvent établir la communication en utilisant soit le
 * répertoire mondial d'interlocuteurs, soit le répertoire d'interlocuteurs de l'organisation
 * régionale concernée. » They are imported from files, kept encrypted on the device, and never sent
 * to the central registry.
 */
export const RegionalOrganisationSchema = RegionalDirectorySchema;
export type RegionalOrganisation = z.infer<typeof RegionalOrganisationSchema>;

/** One POC record as a regional directory publishes it. `key` is the directory's own row id. */
export const RegionalEntrySchema = z.object({
  key: z.string().trim().min(1).max(128),
  state: StateCodeSchema,
  role: PocRoleSchema,
  entity: z.string().trim().min(1).max(300),
  personName: z.string().trim().max(200).optional(),
  emails: z.array(z.email().max(254)).max(10),
  phones: z.array(E164Schema).max(10),
  fingerprint: FingerprintSchema.optional(),
});
export type RegionalEntry = z.infer<typeof RegionalEntrySchema>;

/** The manager's key, pinned at the first signed import (trust on first use, fingerprint shown). */
export const PinnedManagerKeySchema = z.object({
  fingerprint: FingerprintSchema,
  publicKey: z.string().max(64 * 1024),
  pinnedAt: z.iso.datetime(),
});
export type PinnedManagerKey = z.infer<typeof PinnedManagerKeySchema>;

export const RegionalDirectoryRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  organisation: RegionalOrganisationSchema,
  name: z.string().trim().min(1).max(200),
  /** The organisation's member States (A §12 a asks whether both States are members). */
  memberStates: z.array(StateCodeSchema).max(250),
  /** « doté d'un répertoire d'interlocuteurs opérationnel »: the user can mark a directory as not in service. */
  operational: z.boolean(),
  manager: PinnedManagerKeySchema.optional(),
  importedAt: z.iso.datetime(),
  format: z.enum(['csv', 'json']),
  signed: z.boolean(),
  entries: z.array(RegionalEntrySchema).max(50_000),
});
export type RegionalDirectoryRecord = z.infer<typeof RegionalDirectoryRecordSchema>;

/** Where a record comes from: the global directory, or one imported regional directory. */
export type DirectorySource = { kind: 'global' } | { kind: 'regional'; directoryId: string };

/** A directory id from a name: lower-case ASCII slug, stable across re-imports of the same name. */
export function directoryIdFor(organisation: RegionalOrganisation, name: string): string {
  const slug = `${organisation}-${name}`
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug.length >= 2 ? slug : `${organisation.toLowerCase()}-directory`;
}
