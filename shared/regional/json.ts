import { z } from 'zod';
import { RegionalOrganisationSchema } from './model';
import { RegionalError } from './errors';
import { readRows, type RawRow, type RowsOutcome } from './rows';

/**
 * The JSON form of a regional directory file:
 *   { "schema": "regional-directory", "version": 1, "organisation": "OSCE", "name": "…",
 *     "memberStates": ["AUT", …], "operational": true,
 *     "entries": [{ "id": "…", "state": "AUT", "role": "technical", "entity": "…", "personName": "…",
 *                   "emails": ["…"], "phones": ["+43…"], "fingerprint": "…" }] }
 * Entries are read one by one with the same rules as CSV rows: a bad entry is reported, not fatal.
 */
const text = z.union([z.string(), z.number()]).transform(String);
const list = z
  .union([z.array(text), text])
  .transform((value) => (Array.isArray(value) ? value.join(';') : value));

const JsonEntrySchema = z
  .object({
    id: text.optional(),
    state: text.optional(),
    role: text.optional(),
    entity: text.optional(),
    personName: text.optional(),
    emails: list.optional(),
    phones: list.optional(),
    fingerprint: text.optional(),
  })
  .loose();

export const RegionalJsonFileSchema = z.object({
  schema: z.literal('regional-directory'),
  version: z.literal(1),
  organisation: RegionalOrganisationSchema,
  name: z.string().trim().min(1).max(200),
  memberStates: z
    .array(z.string().regex(/^[A-Z]{3}$/))
    .max(250)
    .default([]),
  operational: z.boolean().default(true),
  entries: z.array(z.unknown()).max(50_000),
});

export interface JsonDirectoryFile extends RowsOutcome {
  organisation: z.infer<typeof RegionalOrganisationSchema>;
  name: string;
  memberStates: string[];
  operational: boolean;
}

export function readJsonDirectory(content: string): JsonDirectoryFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new RegionalError('not-json');
  }
  const file = RegionalJsonFileSchema.safeParse(json);
  if (!file.success) throw new RegionalError('wrong-schema', file.error.issues[0]?.message ?? '');
  const rows = file.data.entries.map((item, index) => {
    const parsed = JsonEntrySchema.safeParse(item);
    const value = parsed.success ? parsed.data : {};
    const raw: RawRow = {
      ...(value.id !== undefined ? { key: value.id } : {}),
      ...(value.state !== undefined ? { state: value.state } : {}),
      ...(value.role !== undefined ? { role: value.role } : {}),
      ...(value.entity !== undefined ? { entity: value.entity } : {}),
      ...(value.personName !== undefined ? { personName: value.personName } : {}),
      ...(value.emails !== undefined ? { emails: value.emails } : {}),
      ...(value.phones !== undefined ? { phones: value.phones } : {}),
      ...(value.fingerprint !== undefined ? { fingerprint: value.fingerprint } : {}),
    };
    return { raw, row: index + 1 };
  });
  return {
    ...readRows(rows),
    organisation: file.data.organisation,
    name: file.data.name,
    memberStates: file.data.memberStates,
    operational: file.data.operational,
  };
}
