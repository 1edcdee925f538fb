import type { UnLanguage } from '../../i18n/languages';

/**
 * Invented words for the FICTIONAL demo directory, per UN language. Every entity name carries a
 * "fictional/demo" marker in its own language; person names are made-up combinations. Some Arabic
 * names carry harakat (and one a tatweel) on purpose, so search can be shown to ignore them.
 */
export interface DemoVocabulary {
  technical: readonly string[];
  diplomatic: readonly string[];
  /** Appended to every entity name: says "fictional" in the entry's language. */
  marker: string;
  givenNames: readonly string[];
  familyNames: readonly string[];
  technicalTitles: readonly string[];
  diplomaticTitles: readonly string[];
  officeHours: readonly string[];
  notes: readonly string[];
}

export const VOCABULARY: Record<UnLanguage, DemoVocabulary> = {
  en: {
    technical: [
      'National Computer Incident Response Team',
      'Cyber Security Coordination Centre',
      'Government CERT',
      'Critical Information Infrastructure Protection Unit',
    ],
    diplomatic: [
      'Office of the Special Envoy for Cyber Affairs',
      'Directorate for International Cyber Policy',
      'Department of Disarmament and Digital Affairs',
    ],
    marker: '(fictional demo)',
    givenNames: ['Amelia', 'Jonah', 'Priya', 'Tobias', 'Grace', 'Kwame', 'Lena', 'Oscar', 'Nadia', 'Rowan'],
    familyNames: [
      'Ashcombe',
      'Brightwater',
      'Castellane',
      'Dunmore',
      'Everleigh',
      'Fairholt',
      'Greymoor',
      'Holloway',
    ],
    technicalTitles: ['Duty Officer', 'Head of Incident Response', 'Senior Threat Analyst'],
    diplomaticTitles: [
      'Counsellor for Cyber Affairs',
      'Head of International Cooperation',
      'Deputy Director',
    ],
    officeHours: ['Mon–Fri 09:00–17:00', '24/7 duty desk', 'Sun–Thu 08:00–16:00'],
    notes: [
      'Fictional entry for demonstration only.',
      'Prefers encrypted e-mail for first contact (fictional).',
    ],
  },
  fr: {
    technical: [
      'Centre national de réponse aux incidents informatiques',
      'Agence de sécurité des systèmes numériques',
      'CERT gouvernemental',
    ],
    diplomatic: [
      'Direction des affaires numériques et de la sécurité internationale',
      'Bureau de l’ambassadeur pour le numérique',
    ],
    marker: '(démo fictive)',
    givenNames: ['Élodie', 'Benoît', 'Aïcha', 'Gaëtan', 'Hélène', 'Cédric', 'Maëlle', 'Théo'],
    familyNames: ['Lefébure', 'Marchetti', 'Dufresnoy', 'Beaulieu', 'Vasseur', 'Ngoméré', 'Carrère'],
    technicalTitles: [
      'Officier de permanence',
      'Responsable de la réponse aux incidents',
      'Analyste principal',
    ],
    diplomaticTitles: [
      'Conseiller pour les affaires cyber',
      'Chef du bureau de la coopération internationale',
    ],
    officeHours: ['Lun–ven 09:00–18:00', 'Permanence 24 h/24'],
    notes: [
      'Entrée fictive, à des fins de démonstration.',
      'Préfère un premier contact par courriel chiffré (fictif).',
    ],
  },
  es: {
    technical: [
      'Equipo Nacional de Respuesta a Incidentes Informáticos',
      'Centro de Coordinación de Ciberseguridad',
      'CERT gubernamental',
    ],
    diplomatic: [
      'Dirección de Asuntos Cibernéticos Internacionales',
      'Oficina del Enviado Especial para el Ciberespacio',
    ],
    marker: '(demostración ficticia)',
    givenNames: ['Inés', 'Martín', 'Lucía', 'Ramón', 'Begoña', 'Joaquín', 'Ximena', 'Íñigo'],
    familyNames: ['Peñalver', 'Quiroga', 'Albéniz', 'Montoya', 'Zubiría', 'Castañeda', 'Olmedo'],
    technicalTitles: ['Oficial de guardia', 'Jefa de respuesta a incidentes', 'Analista principal'],
    diplomaticTitles: [
      'Consejero para asuntos cibernéticos',
      'Director adjunto de cooperación internacional',
    ],
    officeHours: ['Lun–vie 08:30–16:30', 'Guardia 24/7'],
    notes: [
      'Entrada ficticia, solo para demostración.',
      'Prefiere correo cifrado para el primer contacto (ficticio).',
    ],
  },
  ru: {
    technical: [
      'Национальный центр реагирования на компьютерные инциденты',
      'Координационный центр кибербезопасности',
      'Правительственный CERT',
    ],
    diplomatic: [
      'Департамент международной информационной безопасности',
      'Отдел по вопросам международного сотрудничества в сфере ИКТ',
    ],
    marker: '(вымышленная демо-запись)',
    givenNames: ['Алёна', 'Фёдор', 'Ксения', 'Артём', 'Варвара', 'Глеб', 'Зоя', 'Ярослав'],
    familyNames: ['Белозёрова', 'Кольцов', 'Ветлугина', 'Сарычев', 'Лебедянская', 'Громов', 'Озерков'],
    technicalTitles: ['Дежурный специалист', 'Руководитель группы реагирования', 'Ведущий аналитик'],
    diplomaticTitles: ['Советник по вопросам кибербезопасности', 'Заместитель директора департамента'],
    officeHours: ['Пн–пт 09:00–18:00', 'Круглосуточное дежурство'],
    notes: [
      'Вымышленная запись для демонстрации.',
      'Первый контакт предпочтительно по зашифрованной почте (вымысел).',
    ],
  },
  ar: {
    technical: [
      'الفريق الوطني للاستجابة لحوادث الحاسوب',
      'المركز الوطني للأمن السيبراني',
      'فريق الاستجابة الحكومي',
    ],
    diplomatic: ['إدارة الشؤون السيبرانية الدولية', 'مكتب المبعوث الخاص للشؤون الرقمية'],
    marker: '(عرض وهمي)',
    givenNames: ['مُحَمَّد', 'فاطمة', 'يوسف', 'لَيْلى', 'عمر', 'سلمى', 'خالد', 'نــور'],
    familyNames: ['الحدّاد', 'العَطّار', 'الزهراني', 'البنّاء', 'القاسمي', 'الورّاق', 'السيّد'],
    technicalTitles: ['ضابط المناوبة', 'رئيس قسم الاستجابة للحوادث', 'محلل أول'],
    diplomaticTitles: ['مستشار الشؤون السيبرانية', 'رئيس قسم التعاون الدولي'],
    officeHours: ['الأحد–الخميس 08:00–15:00', 'مناوبة على مدار الساعة'],
    notes: ['مدخل وهمي لأغراض العرض فقط.', 'يُفضَّل البريد المشفّر للاتصال الأول (وهمي).'],
  },
  zh: {
    technical: ['国家计算机网络应急技术处理协调中心', '网络安全协调中心', '政府计算机应急响应组'],
    diplomatic: ['外交部网络事务办公室', '国际网络安全合作司'],
    marker: '（虚构演示）',
    givenNames: ['晓明', '丽华', '建国', '雪梅', '志强', '婉清', '宇航', '海燕'],
    familyNames: ['欧阳', '司马', '诸葛', '上官', '闻人', '东方'],
    technicalTitles: ['值班员', '应急响应主管', '高级分析师'],
    diplomaticTitles: ['网络事务参赞', '国际合作处处长'],
    officeHours: ['周一至周五 09:00–17:30', '全天候值班'],
    notes: ['虚构条目，仅供演示。', '首次联系请使用加密电子邮件（虚构）。'],
  },
};

/** The language a State's demo entries are mostly written in (other entries may use English). */
const DEMO_LANGUAGES: Record<Exclude<UnLanguage, 'en'>, string> = {
  ar: 'DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM',
  zh: 'CHN',
  ru: 'RUS BLR KAZ KGZ TJK',
  es: 'ARG BOL CHL COL CRI CUB DOM ECU SLV GNQ GTM HND MEX NIC PAN PRY PER ESP URY VEN',
  fr: 'FRA BEN BFA BDI CMR CAF TCD COG COD CIV GAB GIN MDG MLI MCO NER SEN TGO HTI LUX VAT',
};

/** The language a State's demo entries are mostly written in (other entries may use English). */
export const DEMO_LANGUAGE_OF_STATE: ReadonlyMap<string, UnLanguage> = new Map(
  Object.entries(DEMO_LANGUAGES).flatMap(([language, codes]) =>
    codes.split(' ').map((code): [string, UnLanguage] => [code, language as UnLanguage]),
  ),
);

/** A few office time zones for the demo (others are left unset, as the field is optional). */
export const DEMO_TIME_ZONES: Record<string, string> = {
  FRA: 'Europe/Paris',
  CHN: 'Asia/Shanghai',
  RUS: 'Europe/Moscow',
  EGY: 'Africa/Cairo',
  MEX: 'America/Mexico_City',
  ESP: 'Europe/Madrid',
  SAU: 'Asia/Riyadh',
  KEN: 'Africa/Nairobi',
  BRA: 'America/Sao_Paulo',
  JPN: 'Asia/Tokyo',
  IND: 'Asia/Kolkata',
  USA: 'America/New_York',
  GBR: 'Europe/London',
  AUS: 'Australia/Sydney',
  SEN: 'Africa/Dakar',
  ARG: 'America/Argentina/Buenos_Aires',
  KAZ: 'Asia/Almaty',
  TUR: 'Europe/Istanbul',
  CIV: 'Africa/Abidjan',
  FJI: 'Pacific/Fiji',
};
