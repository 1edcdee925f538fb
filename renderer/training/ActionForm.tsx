import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLAYER_ACTIONS,
  partyOf,
  recordAction,
  type ExerciseParty,
  type PlayerActionKind,
  type RoleDecision,
  type RunState,
  type Scenario,
} from '../../shared/training';
import { newTemplateId } from '../../shared/templates';
import { useVaultSession } from '../vault/session';
import { exerciseTemplate, carriesStatement } from './exerciseMessage';
import { uiLanguage } from './language';
import { exerciseDraftsOf, recordExerciseMessage } from './store';

export interface ActionPreset {
  kind: PlayerActionKind;
  to: string;
}

/**
 * What the participant does: one form for every action, writing a standard-template message to a
 * party of the exercise (never to a directory POC: shared/training/workspace.ts). Writing to a POC of
 * the other role asks for the A §9 decision — « Les interlocuteurs diplomatiques communiqueront ainsi
 * avec d'autres interlocuteurs diplomatiques et les interlocuteurs techniques avec d'autres
 * interlocuteurs techniques » — hand over to the own State's POC of that role, or confirm.
 */
export function ActionForm(props: {
  scenario: Scenario;
  run: RunState;
  preset: ActionPreset | null;
  onDone: (run: RunState) => Promise<void>;
}) {
  const { scenario, run, preset, onDone } = props;
  const { t, i18n } = useTranslation('training');
  const session = useVaultSession();
  const language = uiLanguage(i18n.language);
  const self = partyOf(scenario, run.participant) as ExerciseParty;
  const others = scenario.parties.filter((p) => p.id !== self.id);
  const [kind, setKind] = useState<PlayerActionKind>(preset?.kind ?? 'inquiry');
  const [to, setTo] = useState<string>(preset?.to ?? others[0]?.id ?? '');
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<'' | 'handover' | 'cross-role-confirmed'>('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const draftId = `${run.id}-draft`;
  const ids = useId();

  useEffect(() => {
    if (preset) {
      setKind(preset.kind);
      setTo(preset.to);
      setDecision('');
    }
  }, [preset]);
  useEffect(() => {
    void exerciseDraftsOf(session)
      .get(draftId)
      .then((draft) => draft && setText(draft.text));
  }, [session, draftId]);

  const recipient = kind === 'ping-reply' ? undefined : partyOf(scenario, to);
  const crossRole = kind !== 'handover' && recipient !== undefined && recipient.role !== self.role;
  const ownOther = scenario.parties.find((p) => p.state === self.state && p.role !== self.role);

  const changeText = (value: string) => {
    setText(value);
    void exerciseDraftsOf(session).put(draftId, { text: value });
  };

  const submit = async () => {
    setError(null);
    setSent(null);
    if (crossRole && !decision) return setError(t('action.roleRuleNeeded'));
    try {
      const handover = crossRole && decision === 'handover';
      const actualKind: PlayerActionKind = handover ? 'handover' : kind;
      const target = handover ? ownOther : kind === 'ping-reply' ? undefined : recipient;
      const roleDecision: RoleDecision =
        actualKind === 'handover' ? 'handover' : crossRole ? 'cross-role-confirmed' : 'same-role';
      const template = target ? exerciseTemplate(actualKind, self, text, language) : undefined;
      // The action enters the run before anything is written, so that the message and the action it
      // is are saved in one batch, and "sent" shows only once both are: a restart right after it
      // never finds a message the scenario did not see (and so never answers).
      const acted = recordAction(
        scenario,
        run,
        {
          id: `action-${newTemplateId()}`,
          kind: actualKind,
          to: target?.id ?? '',
          ...(target ? { roleDecision, toRole: target.role } : {}),
          ...(template && actualKind === 'acknowledge' ? { statement: carriesStatement(template) } : {}),
          ...(template ? { messageId: template.id } : {}),
        },
        Date.now(),
      );
      let next = acted;
      let sentText = t('action.pingAnswered');
      if (target && template) {
        const result = await recordExerciseMessage(
          session,
          scenario,
          acted,
          target,
          template,
          language,
          handover
            ? [
                {
                  kind: 'handover',
                  at: new Date().toISOString(),
                  toRole: target.role,
                  to: { state: target.state, role: target.role },
                },
              ]
            : [],
        );
        next = result.run;
        sentText = result.text;
      }
      await onDone(next);
      setSent(sentText);
      setText('');
      setDecision('');
      await exerciseDraftsOf(session).delete(draftId);
    } catch (e) {
      setError(
        e instanceof Error && 'code' in e
          ? t(`errors.${String(e.code)}`, { defaultValue: t('errors.generic') })
          : t('errors.generic'),
      );
    }
  };

  return (
    <form
      className="training-card stack"
      aria-labelledby="action-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id="action-title">{t('action.title')}</h4>
      <div className="row">
        <label htmlFor={`${ids}-kind`}>{t('action.kind')}</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(e) => setKind(PLAYER_ACTIONS.find((k) => k === e.target.value) ?? 'inquiry')}
        >
          {PLAYER_ACTIONS.map((k) => (
            <option key={k} value={k}>
              {t(`actions.${k}`)}
            </option>
          ))}
        </select>
        {kind !== 'ping-reply' && (
          <>
            <label htmlFor={`${ids}-to`}>{t('action.to')}</label>
            <select id={`${ids}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {others.map((p) => (
                <option key={p.id} value={p.id}>{`${p.name} — ${t(`roles.${p.role}`)}`}</option>
              ))}
            </select>
          </>
        )}
      </div>
      {crossRole && recipient && (
        <fieldset>
          <legend>{t('action.roleRule', { role: t(`roles.${recipient.role}`) })}</legend>
          {ownOther && (
            <label>
              <input
                type="radio"
                name="decision"
                checked={decision === 'handover'}
                onChange={() => setDecision('handover')}
              />
              {t('action.handoverTo', { name: ownOther.name })}
            </label>
          )}
          <label>
            <input
              type="radio"
              name="decision"
              checked={decision === 'cross-role-confirmed'}
              onChange={() => setDecision('cross-role-confirmed')}
            />
            {t('action.confirmCross')}
          </label>
        </fieldset>
      )}
      {kind !== 'acknowledge' && kind !== 'ping-reply' && (
        <label className="field">
          {t('action.text')}
          <textarea
            rows={4}
            dir="auto"
            value={text}
            autoComplete="off"
            onChange={(e) => changeText(e.target.value)}
          />
        </label>
      )}
      {kind === 'acknowledge' && <p className="hint">{t('action.ackHint')}</p>}
      <button type="submit">{t('action.send')}</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {sent && (
        <div role="status" aria-label={t('action.sentLabel')}>
          <p>{t('action.sent')}</p>
          <pre className="exercise-text">{sent}</pre>
        </div>
      )}
    </form>
  );
}
