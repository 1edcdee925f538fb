import { describe, expect, it } from 'vitest';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../../../shared/directory/demo/generateDemoDirectory';
import { buildDirectorySearchIndex } from '../../../../shared/directory/searchIndex';
import { indexDirectory, searchEntries } from '../../../../shared/directory/loadedDirectory';
import type { PointOfContact } from '../../../../shared/directory/model';

const base = {
  kind: 'entity' as const,
  phones: ['+33612345678'],
  workingLanguages: ['en'],
  regionalDirectories: [],
  revision: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const fixtures: PointOfContact[] = [
  {
    ...base,
    id: 'fixture-fr-0001',
    state: 'FRA',
    role: 'technical',
    language: 'fr',
    text: { entity: 'Centre fictif de réponse', personName: 'Élodie Marchetti' },
    emails: ['cert@fra.example'],
    english: { entity: 'Fictional response centre' },
  },
  {
    ...base,
    id: 'fixture-ar-0001',
    state: 'EGY',
    role: 'diplomatic',
    language: 'ar',
    text: { entity: 'المركز الوهمي للأمن السيبراني', personName: 'مُحَمَّد الحدّاد' },
    emails: ['cyber@egy.example'],
  },
  {
    ...base,
    id: 'fixture-ru-0001',
    state: 'KAZ',
    role: 'technical',
    language: 'ru',
    text: { entity: 'Вымышленный центр реагирования', personName: 'Алёна Белозёрова' },
    emails: ['soc@kaz.example'],
  },
  {
    ...base,
    id: 'fixture-zh-0001',
    state: 'CHN',
    role: 'technical',
    language: 'zh',
    text: { entity: '虚构国家计算机网络应急技术处理协调中心' },
    emails: ['cert@chn.example'],
  },
  {
    ...base,
    id: 'fixture-es-0001',
    state: 'MEX',
    role: 'diplomatic',
    language: 'es',
    text: { entity: 'Oficina ficticia de ciberpolítica', personName: 'Íñigo Peñalver' },
    emails: ['policy@mex.example'],
  },
  {
    ...base,
    id: 'fixture-en-0001',
    state: 'TUR',
    role: 'technical',
    language: 'en',
    text: { entity: 'Fictional National CERT' },
    emails: ['cert@tur.example'],
  },
  {
    ...base,
    id: 'fixture-ci-0001',
    state: 'CIV',
    role: 'technical',
    language: 'fr',
    text: { entity: 'CERT fictif' },
    emails: ['cert@civ.example'],
    phones: ['+2250701020304'],
  },
];
const directory = indexDirectory(fixtures);
const ids = (query: string) => searchEntries(directory, query).map((e) => e.id);

describe('directory search', () => {
  it('finds entries in each of the six scripts, ignoring case and diacritics', () => {
    expect(ids('elodie')).toEqual(['fixture-fr-0001']);
    expect(ids('ÉLODIE marc')).toEqual(['fixture-fr-0001']);
    expect(ids('محمد')).toEqual(['fixture-ar-0001']);
    expect(ids('حداد')).toEqual(['fixture-ar-0001']);
    expect(ids('белозерова')).toEqual(['fixture-ru-0001']);
    expect(ids('应急')).toEqual(['fixture-zh-0001']);
    expect(ids('协调中心')).toEqual(['fixture-zh-0001']);
    expect(ids('inigo penal')).toEqual(['fixture-es-0001']);
  });

  it('finds a State by its name in any of the six languages', () => {
    expect(ids('cote d ivoire')).toEqual(['fixture-ci-0001']);
    expect(ids('turkiye')).toEqual(['fixture-en-0001']);
    expect(ids('Турция')).toEqual(['fixture-en-0001']);
    expect(ids('科特迪瓦')).toEqual(['fixture-ci-0001']);
    expect(ids('مصر')).toEqual(['fixture-ar-0001']);
    expect(ids('Francia')).toEqual(['fixture-fr-0001']);
  });

  it('matches the English translation, e-mails and telephones, every term required', () => {
    expect(ids('response centre')).toEqual(['fixture-fr-0001']);
    expect(ids('cert@fra.example')).toEqual(['fixture-fr-0001']);
    expect(ids('+225 07 01')).toEqual(['fixture-ci-0001']);
    expect(ids('cert france')).toEqual(['fixture-fr-0001']);
    expect(ids('cert nowhere')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('ranks an exact word above a prefix', () => {
    const two = indexDirectory([
      { ...fixtures[5]!, id: 'fixture-pre-0001', text: { entity: 'Certification office' } },
      { ...fixtures[5]!, id: 'fixture-exa-0001', text: { entity: 'Cert office' } },
    ]);
    expect(searchEntries(two, 'cert').map((e) => e.id)).toEqual(['fixture-exa-0001', 'fixture-pre-0001']);
  });

  it('finds demo entries typed in every script', () => {
    const demo = indexDirectory(generateDemoDirectory({ seed: 3, now: new Date('2026-11-24T00:00:00Z') }));
    for (const query of ['cert', 'fictive', 'ficticia', 'вымышленн', 'وهمي', '虚构', 'turkiye']) {
      expect(searchEntries(demo, query).length, query).toBeGreaterThan(0);
    }
  });
});

describe('contact values are words of their own', () => {
  it('finds an entry by a key fingerprint that starts with a digit, next to its phone numbers', () => {
    const entry = generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED }).find(
      (e) => e.phones.length > 0 && /^[0-9]/.test(e.openpgp?.fingerprint ?? ''),
    );
    expect(entry).toBeDefined();
    const index = buildDirectorySearchIndex([entry!]);
    expect(index.search(entry!.openpgp!.fingerprint.toLowerCase())).toHaveLength(1);
    expect(index.search(entry!.phones[0]!)).toHaveLength(1);
  });
});
