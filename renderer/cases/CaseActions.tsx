import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CaseError,
  handoverEvent,
  otherRole,
  type CaseEventBody,
  type CaseSummary,
} from '../../shared/cases';
import { useDirectory } from '../directory/useDirectory';
import { DateTimeField } from '../components/DateTimeField';
import { HandoverChooser } from './HandoverChooser';

type Append = (bodies: CaseEventBody[]) => Promise<void>;

/** The form's datetime-local value is read as UTC (the label says so), like the inquiry wizard's. */
function utcIso(local: string): string | undefined {
  if (!local) return undefined;
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "Set a deadline": recorded as a `deadline` event; the case list's "Due soon" picks it up. */
export function DeadlineForm({ append }: { append: Append }) {
  const { t } = useTranslation('cases');
  const ids = { due: useId(), owed: useId(), reason: useId() };
  const [due, setDue] = useState('');
  const [owedBy, setOwedBy] = useState<'self' | 'counterpart'>('self');
  const [reason, setReason] = useState('');
  const dueAt = utcIso(due);
  const set = async () => {
    if (!dueAt) return;
    await append([
      {
        kind: 'deadline',
        at: new Date().toISOString(),
        dueAt,
        owedBy,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    ]);
    setDue('');
    setReason('');
  };
  return (
    <section aria-labelledby={`${ids.due}-title`} className="case-tools">
      <h3 id={`${ids.due}-title`}>{t('setDeadline.title')}</h3>
      <DateTimeField label={t('setDeadline.dueAt')} value={due} onChange={setDue} />
      <div className="field">
        <label htmlFor={ids.owed}>{t('setDeadline.owedBy')}</label>
        <select
          id={ids.owed}
          value={owedBy}
          onChange={(e) => setOwedBy(e.target.value === 'counterpart' ? 'counterpart' : 'self')}
        >
          <option value="self">{t('owedBy.self')}</option>
          <option value="counterpart">{t('owedBy.counterpart')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('setDeadline.reason')}</label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} dir="auto" />
      </div>
      <button type="button" disabled={!dueAt} onClick={() => void set()}>
        {t('setDeadline.submit')}
      </button>
    </section>
  );
}

/**
 * On a case whose other party is of the other role (A §9), hand the matter to the own State's POC
 * of that role: a `handover` event naming the POC chosen is recorded in the case.
 */
export function HandoverForm({ summary, append }: { summary: CaseSummary; append: Append }) {
  const { t } = useTranslation('cases');
  const directory = useDirectory();
  const [choice, setChoice] = useState({ pocId: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  const toRole = otherRole(summary.self.role);
  const record = async () => {
    const to = directory.data?.byId.get(choice.pocId);
    if (!to) return;
    setError(null);
    try {
      await append([
        handoverEvent({ at: new Date().toISOString(), self: summary.self, to, note: choice.note }),
      ]);
      setChoice({ pocId: '', note: '' });
    } catch (e) {
      setError(t(`errors.${e instanceof CaseError ? e.code : 'export-failed'}`));
    }
  };
  return (
    <section aria-labelledby="handover-title" className="case-tools">
      <h3 id="handover-title">{t('handover.title')}</h3>
      <p className="hint">{t('handover.rule')}</p>
      <HandoverChooser
        self={summary.self}
        toRole={toRole}
        pocId={choice.pocId}
        note={choice.note}
        onChange={setChoice}
      />
      <button type="button" disabled={!choice.pocId} onClick={() => void record()}>
        {t('handover.submit')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
