/**
 * The benchmark's 60 search queries, ten per script, typed one keystroke at a time (each prefix is
 * one search). Shared by tests/bench/directory.bench.ts and the unit test that pins search results.
 */
export const SEARCH_QUERIES: readonly string[] = [
  'cert', 'cote d ivoire', 'turkiye', 'elodie', 'response team', 'cyber policy', 'france', 'brightwater', 'duty officer', 'incident@',
  'centre national', 'peñalver', 'ciberseguridad', 'oficina', 'mexico', 'quiroga', 'ficticia', 'guardia', 'analista', 'españa',
  'национальный', 'белозерова', 'ксения', 'справочник', 'россия', 'кибербезопасности', 'вымышленный', 'дежурный', 'казахстан', 'центр',
  'محمد', 'الحداد', 'مصر', 'السيبراني', 'فاطمة', 'نور', 'المملكة', 'الاستجابة', 'وهمي', 'ليلى',
  '应急', '国家计算机', '中国', '科特迪瓦', '网络安全', '欧阳', '值班', '虚构', '土耳其', '协调中心',
  '+33', '+86 131', 'fra.example', 'csirt@', '+7 7', 'policy@', 'mfa', '+213 55', 'soc', 'envoy',
];

/** Every prefix of every query, as a user typing them produces them. */
export function keystrokesOf(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}
