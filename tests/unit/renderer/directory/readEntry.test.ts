import { describe, expect, it } from 'vitest';
import { isCanonicalEntry, readEntry } from '../../../../renderer/directory/readEntry';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../../../shared/directory/demo/generateDemoDirectory';
import { PointOfContactSchema } from '../../../../shared/directory/model';

/**
 * The fast path may only ever say "zod would accept this and return it unchanged". Every demo entry
 * (as it comes back from JSON, like a decrypted record) and hundreds of mutations of them are put to
 * both: whenever the fast path accepts, zod must accept and return a deep-equal value; readEntry as a
 * whole must agree with zod on every value.
 */
const demo = generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED, now: new Date('2026-11-24T00:00:00Z') });
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

type Mutation = [string, (e: Record<string, unknown>) => void];
const text = (e: Record<string, unknown>) => e.text as Record<string, unknown>;
const MUTATIONS: Mutation[] = [
  ['unknown key', (e) => (e.secret = 'x')],
  ['unknown text key', (e) => (text(e).extra = 'x')],
  ['id too short', (e) => (e.id = 'abc')],
  ['id with a space', (e) => (e.id = 'demo entry 0001')],
  ['state lower case', (e) => (e.state = 'fra')],
  ['role unknown', (e) => (e.role = 'political')],
  ['kind missing', (e) => delete e.kind],
  ['language not UN', (e) => (e.language = 'de')],
  ['entity empty', (e) => (text(e).entity = '')],
  ['entity only spaces', (e) => (text(e).entity = '   ')],
  ['entity untrimmed', (e) => (text(e).entity = ' Fictional centre ')],
  ['entity with a no-break space first', (e) => (text(e).entity = '\u00a0Fictional centre')],
  ['entity with an ideographic space last', (e) => (text(e).entity = 'Fictional centre\u3000')],
  ['entity with a byte-order mark first', (e) => (text(e).entity = '\ufeffFictional centre')],
  ['entity with a line separator last', (e) => (text(e).entity = 'Fictional centre\u2028')],
  ['entity with a tab last', (e) => (text(e).entity = 'Fictional centre\t')],
  ['personTitle with inner spaces only', (e) => (text(e).personTitle = 'Head\u00a0of\u3000unit')],
  ['personName with a zero-width space last', (e) => (text(e).personName = 'Fictional\u200b')],
  ['entity 300', (e) => (text(e).entity = 'x'.repeat(300))],
  ['entity 301', (e) => (text(e).entity = 'x'.repeat(301))],
  ['entity 301 untrimmed to 300', (e) => (text(e).entity = `${'x'.repeat(300)} `)],
  ['personName number', (e) => (text(e).personName = 42)],
  ['personName null', (e) => (text(e).personName = null)],
  ['personName empty', (e) => (text(e).personName = '')],
  ['notes 2001', (e) => (text(e).notes = 'n'.repeat(2001))],
  ['text array', (e) => (e.text = ['x'])],
  ['english null', (e) => (e.english = null)],
  ['english without entity', (e) => (e.english = { personName: 'x' })],
  ['phones not E.164', (e) => (e.phones = ['0612345678'])],
  ['phones 11', (e) => (e.phones = Array.from({ length: 11 }, () => '+33612345678'))],
  ['phones string', (e) => (e.phones = '+33612345678')],
  ['email invalid', (e) => (e.emails = ['not an e-mail'])],
  ['email no tld', (e) => (e.emails = ['a@b'])],
  ['email 255', (e) => (e.emails = [`${'a'.repeat(243)}@fra.example`])],
  ['workingLanguages empty', (e) => (e.workingLanguages = [])],
  ['workingLanguages bad', (e) => (e.workingLanguages = ['EN'])],
  ['workingLanguages region', (e) => (e.workingLanguages = ['fr-CA'])],
  ['openpgp bad fingerprint', (e) => (e.openpgp = { fingerprint: 'abc', publicKey: 'k' })],
  ['openpgp lower-case fingerprint', (e) => (e.openpgp = { fingerprint: 'a'.repeat(40), publicKey: 'k' })],
  ['openpgp extra key', (e) => (e.openpgp = { fingerprint: 'A'.repeat(40), publicKey: 'k', x: 1 })],
  ['openpgp key missing', (e) => (e.openpgp = { fingerprint: 'A'.repeat(64) })],
  [
    'openpgp key too long',
    (e) => (e.openpgp = { fingerprint: 'A'.repeat(64), publicKey: 'k'.repeat(64 * 1024 + 1) }),
  ],
  ['timeZone 65', (e) => (e.timeZone = 'z'.repeat(65))],
  ['timeZone number', (e) => (e.timeZone = 1)],
  ['regional missing (default)', (e) => delete e.regionalDirectories],
  ['regional unknown', (e) => (e.regionalDirectories = ['NATO'])],
  ['regional 10', (e) => (e.regionalDirectories = Array.from({ length: 10 }, () => 'AU'))],
  ['ping not ISO', (e) => (e.lastPingConfirmedAt = '2026-02-30T00:00:00Z')],
  ['ping with offset', (e) => (e.lastPingConfirmedAt = '2026-01-01T00:00:00+01:00')],
  ['ping date only', (e) => (e.lastPingConfirmedAt = '2026-01-01')],
  ['updatedAt missing', (e) => delete e.updatedAt],
  ['updatedAt no seconds', (e) => (e.updatedAt = '2026-01-01T00:00Z')],
  ['updatedAt local', (e) => (e.updatedAt = '2026-01-01T00:00:00')],
  ['revision negative', (e) => (e.revision = -1)],
  ['revision fraction', (e) => (e.revision = 1.5)],
  ['revision huge', (e) => (e.revision = 2 ** 60)],
  ['revision string', (e) => (e.revision = '1')],
  ['whole value array', (e) => void Object.setPrototypeOf(e, Array.prototype)],
];

function agreesWithZod(value: unknown): void {
  const zod = PointOfContactSchema.safeParse(value);
  if (isCanonicalEntry(value)) {
    expect(zod.success).toBe(true);
    expect(zod.data).toStrictEqual(value);
  }
  const read = readEntry(value);
  if (zod.success) expect(read).toStrictEqual(zod.data);
  else expect(read).toBeNull();
}

describe('readEntry (fast read-time validation)', () => {
  it('takes the fast path for every demo entry as stored, returning the value zod returns', () => {
    for (const entry of demo) {
      const stored = asStored(entry);
      expect(isCanonicalEntry(stored)).toBe(true);
      agreesWithZod(stored);
    }
  });

  it('agrees with zod on every mutation, refusing what zod refuses', () => {
    const samples = demo.filter((_, i) => i % 37 === 0);
    let refused = 0;
    for (const [name, mutate] of MUTATIONS) {
      for (const entry of samples) {
        const value = asStored(entry) as Record<string, unknown>;
        mutate(value);
        try {
          agreesWithZod(value);
        } catch (error) {
          throw new Error(`mutation "${name}" on ${entry.id}: ${String(error)}`, { cause: error });
        }
        if (readEntry(value) === null) refused++;
      }
    }
    expect(refused).toBeGreaterThan(samples.length * 30);
  });

  it('refuses non-objects', () => {
    for (const value of [null, undefined, 1, 'entry', [], true]) expect(readEntry(value)).toBeNull();
  });
});
