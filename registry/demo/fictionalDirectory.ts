import type { PointOfContact } from '../../shared/directory/model';
import type { UnLanguage } from '../../shared/i18n/languages';

/**
 * A deterministic, clearly fictional directory for the demo registry, the tests and the benchmark:
 * real ISO State codes, invented institutions and people, `example` domains, unassigned-looking
 * numbers. Nothing here describes a real point of contact.
 */

const STATES: readonly [string, UnLanguage, string][] = [
  ['FRA', 'fr', '+331'],
  ['DEU', 'en', '+493'],
  ['ESP', 'es', '+349'],
  ['RUS', 'ru', '+749'],
  ['CHN', 'zh', '+861'],
  ['EGY', 'ar', '+202'],
  ['BRA', 'en', '+556'],
  ['KEN', 'en', '+254'],
  ['JPN', 'en', '+813'],
  ['MEX', 'es', '+525'],
  ['MAR', 'fr', '+212'],
  ['ARG', 'es', '+541'],
  ['SAU', 'ar', '+966'],
  ['IND', 'en', '+911'],
  ['CAN', 'fr', '+161'],
  ['SEN', 'fr', '+221'],
  ['KAZ', 'ru', '+771'],
  ['CHL', 'es', '+562'],
  ['JOR', 'ar', '+962'],
  ['NGA', 'en', '+234'],
];

const ENTITY: Record<UnLanguage, (state: string, role: string, n: number) => string> = {
  fr: (s, r, n) =>
    `${r === 'technical' ? 'CERT national fictif' : 'Direction fictive du numérique'} ${s} n° ${n} (démo)`,
  en: (s, r, n) =>
    `Fictional ${r === 'technical' ? 'National CERT' : 'Cyber Policy Office'} ${s} no. ${n} (demo)`,
  es: (s, r, n) =>
    `${r === 'technical' ? 'CERT nacional ficticio' : 'Oficina ficticia de ciberpolítica'} ${s} n.º ${n} (demo)`,
  ru: (s, r, n) =>
    `${r === 'technical' ? 'Вымышленный национальный CERT' : 'Вымышленный отдел киберполитики'} ${s} № ${n} (демо)`,
  zh: (s, r, n) =>
    `${s} 虚构${r === 'technical' ? '国家计算机应急响应组' : '网络政策办公室'} 第${n}号（演示）`,
  ar: (s, r, n) =>
    `${r === 'technical' ? 'الفريق الوطني الوهمي للاستجابة' : 'المكتب الوهمي للسياسات السيبرانية'} ${s} رقم ${n} (عرض)`,
};

export interface FictionalDirectoryOptions {
  size?: number;
  /** Fixed so that every run produces byte-identical entries. */
  updatedAt?: string;
}

export function fictionalDirectory(options: FictionalDirectoryOptions = {}): PointOfContact[] {
  const size = options.size ?? 40;
  const updatedAt = options.updatedAt ?? '2024-05-01T00:00:00.000Z';
  const entries: PointOfContact[] = [];
  for (let i = 0; i < size; i++) {
    const spec = STATES[i % STATES.length];
    if (!spec) continue;
    const [state, language, prefix] = spec;
    const role = Math.floor(i / STATES.length) % 2 === 0 ? 'technical' : 'diplomatic';
    const n = Math.floor(i / (STATES.length * 2)) + 1;
    const lower = state.toLowerCase();
    const roleShort = role === 'technical' ? 'tech' : 'dipl';
    const english = language === 'en' ? undefined : { entity: ENTITY.en(state, role, n) };
    entries.push({
      id: `demo-${lower}-${roleShort}-${String(n).padStart(4, '0')}`,
      state,
      role,
      kind: i % 3 === 0 ? 'representative' : 'entity',
      language,
      text: {
        entity: ENTITY[language](state, role, n),
        ...(i % 3 === 0
          ? { personName: `Demo Person ${state}-${n}`, personTitle: 'Fictional duty officer' }
          : {}),
        officeHours: '09:00–17:00',
      },
      ...(english ? { english } : {}),
      phones: [`${prefix}${String(5550000 + (i % 10000)).padStart(7, '0')}`],
      emails: [`${roleShort}${n}@${lower}.example`],
      workingLanguages: language === 'en' ? ['en'] : [language, 'en'],
      regionalDirectories: [],
      revision: 1,
      updatedAt,
    });
  }
  return entries;
}
