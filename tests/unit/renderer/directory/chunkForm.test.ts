import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHUNK_FORM } from '../../../../renderer/directory/chunkForm';
import { PointOfContactSchema } from '../../../../shared/directory/model';

/**
 * Entries in a chunk of the current form are not checked again at load (chunkForm.ts): they
 * passed this schema when written. So the schema and CHUNK_FORM move together. When this test fails
 * after a change to PointOfContactSchema: bump CHUNK_FORM (chunks written under the old schema are
 * then checked entry by entry, and rewritten), then record the new digest and form here.
 * (Refinements that JSON Schema cannot express, such as the phone-number check, are not in the
 * digest: a change to one of those must bump CHUNK_FORM as well.)
 */
const PINNED = { form: 4, schema: 'a4e76ef4000f81c5' };

describe('the chunk form pins the entry schema', () => {
  it('CHUNK_FORM changes whenever the entry schema does', () => {
    const schema = JSON.stringify(
      z.toJSONSchema(PointOfContactSchema, { io: 'output', unrepresentable: 'any' }),
    );
    const digest = createHash('sha256').update(schema).digest('hex').slice(0, 16);
    expect({ form: CHUNK_FORM, schema: digest }).toEqual(PINNED);
  });
});
