import type { UnLanguage } from '../../i18n/languages';
import { VOCABULARY, type DemoVocabulary } from './vocabulary';

/**
 * The unofficial English translation of a demo entry (A §7 a) must name the same institution, title
 * and hours as the original: for each language, English lists parallel to its own, item for item
 * (the generator picks the same index in both). Names of people stay as the generator decides.
 */
const en = VOCABULARY.en;
type Parallel = Pick<
  DemoVocabulary,
  'technical' | 'diplomatic' | 'technicalTitles' | 'diplomaticTitles' | 'officeHours' | 'notes'
>;

const PARALLEL: Record<Exclude<UnLanguage, 'en'>, Parallel> = {
  fr: {
    technical: [
      'National Centre for Computer Incident Response',
      'Digital Systems Security Agency',
      'Government CERT',
    ],
    diplomatic: [
      'Directorate for Digital Affairs and International Security',
      'Office of the Ambassador for Digital Affairs',
    ],
    technicalTitles: ['Duty Officer', 'Head of Incident Response', 'Principal Analyst'],
    diplomaticTitles: ['Counsellor for Cyber Affairs', 'Head of the International Cooperation Office'],
    officeHours: ['Mon–Fri 09:00–18:00', '24-hour duty desk'],
    notes: [
      'Fictional entry, for demonstration purposes.',
      'Prefers a first contact by encrypted e-mail (fictional).',
    ],
  },
  es: {
    technical: [
      'National Computer Incident Response Team',
      'Cyber Security Coordination Centre',
      'Government CERT',
    ],
    diplomatic: ['Directorate for International Cyber Affairs', 'Office of the Special Envoy for Cyberspace'],
    technicalTitles: ['Duty Officer', 'Head of Incident Response', 'Principal Analyst'],
    diplomaticTitles: ['Counsellor for Cyber Affairs', 'Deputy Director for International Cooperation'],
    officeHours: ['Mon–Fri 08:30–16:30', '24/7 duty desk'],
    notes: [
      'Fictional entry, for demonstration only.',
      'Prefers encrypted e-mail for first contact (fictional).',
    ],
  },
  ru: {
    technical: [
      'National Computer Incident Response Centre',
      'Cyber Security Coordination Centre',
      'Government CERT',
    ],
    diplomatic: [
      'Department of International Information Security',
      'Division for International Cooperation on ICTs',
    ],
    technicalTitles: ['Duty Specialist', 'Head of the Response Team', 'Lead Analyst'],
    diplomaticTitles: ['Adviser on Cyber Security', 'Deputy Director of the Department'],
    officeHours: ['Mon–Fri 09:00–18:00', '24-hour duty'],
    notes: [
      'Fictional entry for demonstration.',
      'First contact preferably by encrypted e-mail (fictional).',
    ],
  },
  ar: {
    technical: [
      'National Computer Incident Response Team',
      'National Cyber Security Centre',
      'Government Response Team',
    ],
    diplomatic: [
      'Directorate of International Cyber Affairs',
      'Office of the Special Envoy for Digital Affairs',
    ],
    technicalTitles: ['Duty Officer', 'Head of Incident Response', 'Senior Analyst'],
    diplomaticTitles: ['Cyber Affairs Adviser', 'Head of International Cooperation'],
    officeHours: ['Sun–Thu 08:00–15:00', '24-hour duty'],
    notes: [
      'Fictional entry for demonstration purposes only.',
      'Encrypted e-mail preferred for first contact (fictional).',
    ],
  },
  zh: {
    technical: [
      'National Computer Network Emergency Response Technical Team Coordination Centre',
      'Cyber Security Coordination Centre',
      'Government Computer Emergency Response Team',
    ],
    diplomatic: [
      'Office of Cyber Affairs, Ministry of Foreign Affairs',
      'Department of International Cyber Security Cooperation',
    ],
    technicalTitles: ['Duty Officer', 'Head of Emergency Response', 'Senior Analyst'],
    diplomaticTitles: ['Counsellor for Cyber Affairs', 'Director of International Cooperation'],
    officeHours: ['Mon–Fri 09:00–17:30', '24-hour duty'],
    notes: [
      'Fictional entry, for demonstration only.',
      'Please use encrypted e-mail for first contact (fictional).',
    ],
  },
};

/** The English vocabulary parallel to `language`'s, for the translation of an entry written in it. */
export function englishParallelTo(language: UnLanguage): DemoVocabulary {
  return language === 'en' ? en : { ...en, ...PARALLEL[language] };
}
