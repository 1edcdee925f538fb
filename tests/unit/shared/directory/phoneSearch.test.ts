import { describe, expect, it } from 'vitest';
import type { PointOfContact } from '../../../../shared/directory/model';
import { phoneQueryRuns } from '../../../../shared/directory/phone';
import { buildDirectorySearchIndex } from '../../../../shared/directory/searchIndex';

const base: PointOfContact = {
  id: 'phone-fra-0001',
  state: 'FRA',
  role: 'technical',
  kind: 'entity',
  language: 'fr',
  text: { entity: 'Centre fictif (exemple)' },
  phones: ['+33612345705'],
  emails: ['cert@fra.example'],
  workingLanguages: ['fr'],
  regionalDirectories: [],
  revision: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const entries: PointOfContact[] = [
  base,
  { ...base, id: 'phone-rus-0001', state: 'RUS', phones: ['+74951234567'], emails: ['cert@rus.example'] },
  { ...base, id: 'phone-usa-0001', state: 'USA', phones: ['+12025550143'], emails: ['cert@usa.example'] },
  { ...base, id: 'phone-deu-0001', state: 'DEU', phones: ['+4930901820'], emails: ['cert@deu.example'] },
];
const index = buildDirectorySearchIndex(entries);
const ids = (query: string) => index.search(query).map((hit) => hit.id);

describe('finding an entry by a telephone number, however it is written', () => {
  it('by the national number without country code (a caller ID)', () => {
    expect(ids('612345705')).toEqual(['phone-fra-0001']);
  });

  it('by the national format with its trunk prefix, spaced as people write it', () => {
    expect(ids('06 12 34 57 05')).toEqual(['phone-fra-0001']);
    expect(ids('06.12.34.57.05')).toEqual(['phone-fra-0001']);
    expect(ids('8 (495) 123-45-67')).toEqual(['phone-rus-0001']);
    expect(ids('030 901820')).toEqual(['phone-deu-0001']);
  });

  it('by any run of four or more digits of the number', () => {
    expect(ids('2345705')).toEqual(['phone-fra-0001']);
    expect(ids('5705')).toEqual(['phone-fra-0001']);
    expect(ids('555 0143')).toEqual(['phone-usa-0001']);
  });

  it('by the international form, with + or a call prefix', () => {
    expect(ids('+33 6 12 34 57 05')).toEqual(['phone-fra-0001']);
    expect(ids('0033 6 12 34 57 05')).toEqual(['phone-fra-0001']);
    expect(ids('011 1 202 555 0143')).toEqual(['phone-usa-0001']);
    expect(ids('+1 202')).toEqual(['phone-usa-0001']);
  });

  it('does not find numbers from the middle with fewer than four digits, nor numbers that differ', () => {
    expect(ids('705')).toEqual([]);
    expect(ids('612345706')).toEqual([]);
    expect(ids('07 12 34 57 05')).toEqual([]);
  });

  it("reads trunk and call prefixes from libphonenumber's numbering plans", () => {
    expect(phoneQueryRuns('0612345705')).toEqual(expect.arrayContaining(['0612345705', '612345705']));
    expect(phoneQueryRuns('84951234567')).toContain('4951234567');
    expect(phoneQueryRuns('0033612345705')).toContain('33612345705');
    expect(phoneQueryRuns('123')).toEqual([]);
    expect(phoneQueryRuns('12ab')).toEqual([]);
  });
});
