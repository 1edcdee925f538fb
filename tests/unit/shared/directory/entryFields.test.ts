import { describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import { differingFields, entryFieldValues } from '../../../../shared/directory/entryFields';

const entry = fictionalDirectory({ size: 1 })[0]!;

describe('the fields two versions of a directory entry give differently', () => {
  it('leaves out registry bookkeeping: a newer revision of the same details differs in nothing', () => {
    const later = { ...entry, revision: 7, updatedAt: '2026-06-02T10:00:00.000Z' };
    expect(differingFields(entry, { ...later, lastPingConfirmedAt: '2026-06-01T00:00:00.000Z' })).toEqual([]);
  });

  it('names a field given on one side only, a changed list and a changed order', () => {
    const other = {
      ...entry,
      text: { ...entry.text, personName: undefined },
      english: undefined,
      workingLanguages: [...entry.workingLanguages].reverse(),
      openpgp: { fingerprint: 'A'.repeat(40), publicKey: '…' },
    };
    expect(differingFields(entry, other)).toEqual([
      'text.personName',
      'workingLanguages',
      'fingerprint',
      'english.entity',
    ]);
  });

  it('reads an absent optional field as no value', () => {
    expect(entryFieldValues(entry, 'timeZone')).toEqual([]);
    expect(entryFieldValues(entry, 'fingerprint')).toEqual([]);
    expect(entryFieldValues(entry, 'emails')).toEqual(entry.emails);
  });
});
