import { describe, expect, it } from 'vitest';
import {
  PointOfContactSchema,
  REGIONAL_DIRECTORIES,
  type PointOfContact,
} from '../../../../shared/directory/model';
import { draftFromEntry, entryFromDraft, ENTRY_TEXT_FIELDS } from '../../../../renderer/sync/ownEntryDraft';

/** An entry with every field of the schema set, optional ones included (fictional data). */
const FULL: PointOfContact = PointOfContactSchema.parse({
  id: 'own-roundtrip-01',
  state: 'FRA',
  role: 'technical',
  kind: 'representative',
  language: 'fr',
  text: {
    entity: 'Centre de réponse fictif (exemple)',
    personName: 'Camille Exemple',
    personTitle: 'Cheffe de quart',
    officeHours: 'Lundi–vendredi\n9 h – 18 h',
    notes: 'Astreinte 24/7 par téléphone.',
  },
  english: {
    entity: 'Fictional response centre (example)',
    personName: 'Camille Exemple',
    personTitle: 'Duty manager',
    officeHours: 'Monday–Friday\n9:00–18:00',
    notes: 'On call 24/7 by phone.',
  },
  phones: ['+33612345705', '+33123456789'],
  emails: ['cert@example.org', 'duty@example.org'],
  workingLanguages: ['fr', 'en', 'zh-hant'],
  openpgp: {
    fingerprint: 'A'.repeat(40),
    publicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----\nexample\n-----END PGP PUBLIC KEY BLOCK-----',
  },
  timeZone: 'Europe/Paris',
  regionalDirectories: ['OSCE', 'EU'],
  lastPingConfirmedAt: '2026-11-30T10:00:00.000Z',
  revision: 7,
  updatedAt: '2026-11-30T10:05:00.000Z',
});

describe('own entry draft', () => {
  it('covers every field of the schema in the test entry (a new field must be added here)', () => {
    for (const key of Object.keys(PointOfContactSchema.shape)) expect(FULL, key).toHaveProperty(key);
    for (const field of ENTRY_TEXT_FIELDS) {
      expect(FULL.text[field], `text.${field}`).toBeTruthy();
      expect(FULL.english?.[field], `english.${field}`).toBeTruthy();
    }
  });

  it('gives back exactly the entry it was made from: an edit never drops a field', () => {
    const { entry, errors } = entryFromDraft(draftFromEntry(FULL), FULL);
    expect(errors).toEqual({});
    expect(entry).toEqual(FULL);
  });

  it('keeps the English office hours when only the title is edited', () => {
    const draft = draftFromEntry(FULL);
    draft.text.personTitle = 'Chef de service';
    const { entry } = entryFromDraft(draft, FULL);
    expect(entry?.text.personTitle).toBe('Chef de service');
    expect(entry?.english?.officeHours).toBe('Monday–Friday\n9:00–18:00');
    expect(entry?.openpgp).toEqual(FULL.openpgp);
    expect(entry?.lastPingConfirmedAt).toBe(FULL.lastPingConfirmedAt);
  });

  it('edits every editable field', () => {
    const draft = draftFromEntry(FULL);
    draft.english = {
      entity: 'Other centre',
      personName: '',
      personTitle: '',
      officeHours: '',
      notes: 'Night shift',
    };
    draft.timeZone = 'America/New_York';
    draft.regionalDirectories = ['OAS', 'other'];
    draft.workingLanguages = 'es, EN';
    draft.phones = '06 12 34 57 05';
    const { entry, errors } = entryFromDraft(draft, FULL);
    expect(errors).toEqual({});
    expect(entry?.english).toEqual({ entity: 'Other centre', notes: 'Night shift' });
    expect(entry?.timeZone).toBe('America/New_York');
    expect(entry?.regionalDirectories).toEqual(['OAS', 'other']);
    expect(entry?.workingLanguages).toEqual(['es', 'en']);
    // A national number is read in the entry's State's numbering plan.
    expect(entry?.phones).toEqual(['+33612345705']);
    expect(REGIONAL_DIRECTORIES).toContain('OAS');
  });

  it('drops the English translation and the time zone when cleared', () => {
    const draft = draftFromEntry(FULL);
    draft.english = { entity: '', personName: '', personTitle: '', officeHours: '', notes: '' };
    draft.timeZone = '';
    const { entry } = entryFromDraft(draft, FULL);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('english');
    expect(entry).not.toHaveProperty('timeZone');
  });

  it('normalises to NFC and refuses text the directory policy forbids, on the field concerned', () => {
    const draft = draftFromEntry(FULL);
    draft.text.personName = 'Ce\u0301line'; // decomposed é: stored composed
    const ok = entryFromDraft(draft, FULL);
    expect(ok.entry?.text.personName).toBe('Céline');

    draft.text.entity = 'Centre \u202Eevil';
    draft.english.personTitle = 'Duty\u0007';
    draft.english.notes = 'Two\nlines'; // line breaks are fine in notes
    const { entry, errors } = entryFromDraft(draft, FULL);
    expect(entry).toBeUndefined();
    expect(errors['text.entity']).toEqual({ key: 'policy.bidi-control', values: { codePoint: 'U+202E' } });
    expect(errors['english.personTitle']).toEqual({
      key: 'policy.control-character',
      values: { codePoint: 'U+0007' },
    });
    expect(errors['english.notes']).toBeUndefined();
  });

  it('reports each wrong field with its own code', () => {
    const draft = draftFromEntry(FULL);
    draft.text.entity = ' ';
    draft.phones = '12';
    draft.emails = 'not-an-address';
    draft.workingLanguages = 'French!';
    draft.timeZone = 'Mars/Olympus';
    draft.english.entity = '';
    const { entry, errors } = entryFromDraft(draft, FULL);
    expect(entry).toBeUndefined();
    expect(errors['text.entity']?.key).toBe('required');
    expect(errors.phones).toEqual({ key: 'phone', values: { number: '12' } });
    expect(errors.emails?.key).toBe('email');
    expect(errors.workingLanguages?.key).toBe('language');
    expect(errors.timeZone?.key).toBe('timeZone');
    expect(errors['english.entity']?.key).toBe('englishEntity');
  });
});
