import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../../shared/directory/stateNames';
import { CodedError } from '../../../shared/errors';
import { readMessage } from '../../../shared/messages/read';
import type { ExerciseFeed, ExerciseParticipant } from '../../../shared/registry/exercise';
import { InquiryTemplateSchema, renderTemplateText } from '../../../shared/templates';
import {
  assertExerciseTemplate,
  exerciseParticipantByKey,
  TrainingError,
  type PlayerActionKind,
} from '../../../shared/training';
import { loadDirectory } from '../../directory/store';
import { useHost } from '../../host/HostContext';
import { buildReadContext } from '../../messages/useReadContext';
import { handOver, sealOutgoing } from '../../outgoing/pipeline';
import { syncControllerFor } from '../../sync/syncController';
import { useVaultSession, type VaultSession } from '../../vault/session';
import { carriesStatement, exerciseTemplate } from '../exerciseMessage';
import { uiLanguage } from '../language';
import { groupErrorText } from './groupErrors';
import { reportProgress, type GroupRecord } from './groupClient';

/**
 * Exercise messages between participants (issue 12): real messages, signed with the own key and
 * encrypted to the other participant's directory key through the one outgoing pipeline, always an
 * exercise template (marked EXERCISE in every rendered text), and only to a key the signed exercise
 * feed lists for a participant — never to any other directory POC (shared/training/workspace.ts).
 * The registry learns that a message was sent or received (ids, parties), never what it said.
 */
const KINDS = ['inquiry', 'acknowledge', 'answer', 'follow-up', 'handover'] as const;

class GroupMessageError extends CodedError<'recipient-not-in-directory'> {}

async function ownParticipant(session: VaultSession, feed: ExerciseFeed): Promise<ExerciseParticipant> {
  const state = await syncControllerFor(session).store.loadState();
  return exerciseParticipantByKey(feed, state?.ownFingerprint);
}

const participantLabel = (
  t: (key: string, options?: Record<string, string>) => string,
  feed: ExerciseFeed,
  p: ExerciseParticipant,
  language: ReturnType<typeof uiLanguage>,
) =>
  t('run.participant', {
    state: stateName(p.state, language),
    role: t(`roles.${p.role}`),
    party: feed.parties.find((party) => party.id === p.party)?.name ?? p.party,
  });

export function GroupCompose({
  feed,
  onReported,
}: {
  feed: ExerciseFeed;
  onReported: (record: GroupRecord) => void;
}) {
  const { t, i18n } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const session = useVaultSession();
  const host = useHost();
  const ids = useId();
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<PlayerActionKind>('inquiry');
  const [text, setText] = useState('');
  const [crossConfirmed, setCrossConfirmed] = useState(false);
  const [sealed, setSealed] = useState<{ id: string; armored: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = feed.participants.find((p) => p.party === to);

  const send = async () => {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      if (!target) throw new TrainingError('recipient-outside-exercise');
      const self = await ownParticipant(session, feed);
      const cross = self.role !== target.role;
      if (cross && !crossConfirmed) {
        setError(t('compose.crossRequired'));
        return;
      }
      const { entries } = await loadDirectory(session);
      const entry = entries.find(
        (e) => e.openpgp && target.fingerprints.includes(e.openpgp.fingerprint.toUpperCase()),
      );
      if (!entry?.openpgp) throw new GroupMessageError('recipient-not-in-directory');
      // The workspace rule, on the key the message is actually encrypted to.
      const recipient = exerciseParticipantByKey(feed, entry.openpgp.fingerprint);
      const party = feed.parties.find((p) => p.id === self.party);
      if (!party || recipient.party !== target.party) throw new TrainingError('recipient-outside-exercise');
      const template = exerciseTemplate(kind, party, text, language);
      assertExerciseTemplate(template);
      const at = new Date().toISOString();
      const result = await sealOutgoing(session, {
        id: template.id,
        kind: 'exercise',
        text: renderTemplateText(template, language),
        structured: template,
        language,
        at,
        recipients: [entry],
        ...(cross ? { crossRoleConfirmedAt: at } : {}),
      });
      setSealed({ id: result.id, armored: result.armored });
      setText('');
      onReported(
        await reportProgress(session, feed.exerciseId, {
          kind: 'message-sent',
          messageId: template.id,
          to: recipient.party,
          action: kind,
          ...(kind === 'acknowledge' ? { statement: carriesStatement(template) } : {}),
          roleDecision: cross ? 'cross-role-confirmed' : 'same-role',
        }),
      );
    } catch (e) {
      setError(groupErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!sealed) return;
    const outcome = await handOver(session, host, sealed.id, 'copy', (value) =>
      navigator.clipboard.writeText(value),
    );
    setStatus(outcome.outcome === 'handed-over' ? t('compose.copied') : null);
  };

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>{t('compose.title')}</h4>
      <p className="exercise-flag">{t('run.flag')}</p>
      <div className="field">
        <label htmlFor={`${ids}-to`}>{t('compose.to')}</label>
        <select id={`${ids}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('compose.choose')}</option>
          {feed.participants.map((p) => (
            <option key={p.party} value={p.party}>
              {participantLabel(t, feed, p, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-kind`}>{t('compose.kind')}</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'inquiry')}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`compose.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="field">
        {t('compose.text')}
        <textarea
          rows={4}
          dir="auto"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={crossConfirmed}
          onChange={(e) => setCrossConfirmed(e.target.checked)}
        />{' '}
        {t('compose.confirmCross')}
      </label>
      <button type="button" disabled={busy || !target || Boolean(feed.stoppedAt)} onClick={() => void send()}>
        {t('compose.send')}
      </button>
      {error && <p role="alert">{error}</p>}
      {sealed && (
        <>
          <p role="status">{t('compose.sealed', { id: sealed.id })}</p>
          <label className="field">
            {t('compose.sealedLabel')}
            <textarea readOnly rows={6} value={sealed.armored} dir="ltr" />
          </label>
          <button type="button" onClick={() => void copy()}>
            {t('compose.copy')}
          </button>
          {status && <p role="status">{status}</p>}
        </>
      )}
    </section>
  );
}

export function GroupReceive({
  feed,
  record,
  onReported,
}: {
  feed: ExerciseFeed;
  record: GroupRecord;
  onReported: (record: GroupRecord) => void;
}) {
  const { t, i18n } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const session = useVaultSession();
  const ids = useId();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    setBusy(true);
    try {
      const { entries } = await loadDirectory(session);
      const result = await readMessage(input, await buildReadContext(session, entries));
      if (result.verdict.kind !== 'verified') throw new TrainingError('recipient-outside-exercise');
      // Only a message signed by a participant's key, carrying an exercise template, enters here.
      const sender = exerciseParticipantByKey(feed, result.verdict.signer.fingerprint);
      const template = InquiryTemplateSchema.safeParse(result.payload?.body);
      if (!template.success || !result.payload) throw new TrainingError('not-an-exercise-item');
      assertExerciseTemplate(template.data);
      if (record.received.some((m) => m.messageId === result.payload?.id)) {
        setInput('');
        return;
      }
      onReported(
        await reportProgress(
          session,
          feed.exerciseId,
          { kind: 'message-received', messageId: result.payload.id, from: sender.party },
          {
            received: [
              {
                messageId: result.payload.id,
                from: sender.party,
                at: new Date().toISOString(),
                text: result.text,
              },
            ],
          },
        ),
      );
      setInput('');
    } catch (e) {
      setError(
        e instanceof CodedError && /^(offline|timeout|not-|exercise-|recipient-)/.test(String(e.code))
          ? groupErrorText(t, e)
          : t('errors.unreadable'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>{t('receive.title')}</h4>
      <label className="field">
        {t('receive.input')}
        <textarea
          rows={5}
          autoComplete="off"
          dir="ltr"
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
      </label>
      <button type="button" disabled={busy || !input.trim()} onClick={() => void open()}>
        {t('receive.open')}
      </button>
      {error && <p role="alert">{error}</p>}
      <ul aria-label={t('receive.listLabel')}>
        {record.received.map((m) => {
          const from = feed.participants.find((p) => p.party === m.from);
          return (
            <li key={m.messageId}>
              <article aria-label={t('receive.messageLabel', { id: m.messageId })}>
                <p className="exercise-flag">{t('run.flag')}</p>
                <p>{from ? participantLabel(t, feed, from, language) : m.from}</p>
                <pre className="exercise-message">{m.text}</pre>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
