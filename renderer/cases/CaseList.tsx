import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, dueSoon, filterCases, type CaseStatus } from '../../shared/cases';
import { stateName } from '../../shared/directory/stateNames';
import { formatDateTime } from '../../shared/i18n/formats';
import { navigate } from '../navigation/navigation';
import { LocalTime } from '../components/LocalTime';
import { useCaseList } from './useCases';
import { VerifyCaseFile } from './VerifyCaseFile';

export function CaseList() {
  const { t, i18n } = useTranslation('cases');
  const cases = useCaseList();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [exercise, setExercise] = useState<'' | 'only' | 'exclude'>('');
  const summaries = useMemo(() => cases.data?.summaries ?? [], [cases.data]);
  const shown = useMemo(
    () =>
      filterCases(summaries, {
        text,
        ...(status ? { statuses: [status] } : {}),
        ...(exercise ? { exercise } : {}),
      }),
    [summaries, text, status, exercise],
  );
  const due = useMemo(() => dueSoon(summaries, new Date()), [summaries]);
  const time = (iso: string) => formatDateTime(iso, i18n.language);

  return (
    <section className="area cases" aria-labelledby="cases-title">
      <h2 id="cases-title">{t('title')}</h2>
      {cases.data && cases.data.corrupted.length > 0 && (
        <p role="alert" className="error">
          {t('corrupted', { count: cases.data.corrupted.length })}
        </p>
      )}
      <section aria-labelledby="due-title" className="due">
        <h3 id="due-title">{t('due.title')}</h3>
        {due.length === 0 ? (
          <p>{t('due.none')}</p>
        ) : (
          <ul>
            {due.map((item) => (
              <li key={item.summary.id} className={item.overdue ? 'overdue' : ''}>
                <a href={`#/cases/${encodeURIComponent(item.summary.id)}`}>{item.summary.subject}</a> —{' '}
                {item.overdue
                  ? t('due.overdue', { due: time(item.dueAt) })
                  : t('due.dueAt', { due: time(item.dueAt) })}{' '}
                ({t(`owedBy.${item.summary.deadline?.owedBy ?? 'self'}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="filters">
        <label>
          {t('filters.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          {t('filters.status')}
          <select
            value={status}
            onChange={(e) => setStatus(CASE_STATUSES.find((s) => s === e.target.value) ?? '')}
          >
            <option value="">{t('filters.any')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.exercise')}
          <select
            value={exercise}
            onChange={(e) =>
              setExercise(e.target.value === 'only' ? 'only' : e.target.value === 'exclude' ? 'exclude' : '')
            }
          >
            <option value="">{t('filters.any')}</option>
            <option value="only">{t('filters.exerciseOnly')}</option>
            <option value="exclude">{t('filters.exerciseExclude')}</option>
          </select>
        </label>
        <button type="button" onClick={() => navigate('inquiry')}>
          {t('newInquiry')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p role="status">{summaries.length ? t('noMatch') : t('empty')}</p>
      ) : (
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.subject')}</th>
              <th scope="col">{t('columns.counterpart')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.exercise && <span className="exercise-badge">{t('exercise')}</span>}{' '}
                  <a href={`#/cases/${encodeURIComponent(c.id)}`}>{c.subject}</a>
                </td>
                <td>
                  {c.counterpart.label ?? stateName(c.counterpart.state, i18n.language)} (
                  {stateName(c.counterpart.state, i18n.language)})
                </td>
                <td>{t(`status.${c.status}`)}</td>
                <td>
                  <LocalTime at={c.lastActivityAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <VerifyCaseFile />
    </section>
  );
}
