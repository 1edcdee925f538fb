import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../../shared/openpgp';
import {
  buildAcknowledgement,
  buildTemplate,
  renderTemplateText,
  type InquiryTemplate,
} from '../../../shared/templates';
import {
  assertExerciseRecipient,
  assertExerciseTemplate,
  builtinScenario,
  exercisePocId,
  isPracticeAnswerRight,
  partyOf,
  type CourseModule,
  type ExerciseParty,
  type Scenario,
} from '../../../shared/training';
import { uiLanguage } from '../language';

/**
 * The practice tasks of POC 101, on the exercise workspace: the practice partner is a fictional party
 * of a built-in scenario (CSIRT-BO of Borealis), every message is a standard template marked as an
 * exercise and checked by the workspace rule before it "leaves" — exactly what the exercises do.
 */
const practice = builtinScenario('ransomware-port') as Scenario;
const partner = partyOf(practice, 'xbb-tech') as ExerciseParty;
const self = partyOf(practice, 'xaa-tech') as ExerciseParty;

function sendToPartner(template: InquiryTemplate, language: ReturnType<typeof uiLanguage>): string {
  assertExerciseRecipient(practice, {
    pocId: exercisePocId(practice.id, partner.id),
    state: partner.state,
    role: partner.role,
  });
  assertExerciseTemplate(template);
  return renderTemplateText(template, language);
}

function Countdown({ deadline, now }: { deadline: number; now: number }) {
  const { t } = useTranslation('training');
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <p role="timer" aria-label={t('practice.timeLeft')}>
      {t('practice.secondsLeft', { count: left })}
    </p>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function ChoiceTask({ module, onDone }: { module: CourseModule; onDone: () => void }) {
  const { t } = useTranslation('training');
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<boolean | null>(null);
  const key = `course.${module.id}.task`;
  return (
    <fieldset>
      <legend>{t(`${key}.prompt`)}</legend>
      {[0, 1, 2].map((i) => (
        <label key={i} className="option">
          <input
            type="radio"
            name={`${module.id}-task`}
            checked={chosen === i}
            onChange={() => setChosen(i)}
          />
          {t(`${key}.options.${i}`)}
        </label>
      ))}
      <button
        type="button"
        disabled={chosen === null}
        onClick={() => {
          const right = chosen !== null && isPracticeAnswerRight(module.task, chosen);
          setResult(right);
          if (right) onDone();
        }}
      >
        {t('practice.check')}
      </button>
      {result !== null && (
        <p role="status" className={result ? 'correct' : 'incorrect'}>
          {result ? t(`${key}.right`) : t('practice.tryAgain')}
        </p>
      )}
    </fieldset>
  );
}

function InquiryTask({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation('training');
  const language = uiLanguage(i18n.language);
  const [fields, setFields] = useState({
    name: '',
    affiliation: '',
    summary: '',
    request: '',
    email: '',
    urgent: false,
    leadAgency: '',
  });
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({
      ...fields,
      [name]: e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value,
    });
  const send = () => {
    setError(null);
    const missing = (['name', 'affiliation', 'summary', 'request', 'email', 'leadAgency'] as const).filter(
      (k) => !fields[k].trim(),
    );
    if (missing.length) return setError(t('practice.inquiryMissing'));
    try {
      const template = buildTemplate({
        language,
        exercise: true,
        nature: 'request-information',
        sender: { name: fields.name, affiliation: fields.affiliation, role: self.role, state: self.state },
        contact: { email: fields.email },
        incident: { summary: fields.summary },
        request: fields.request,
        urgency: fields.urgent ? 'urgent' : 'routine',
        channel: { preferred: 'openpgp-email', leadAgency: fields.leadAgency },
      });
      setText(sendToPartner(template, language));
      onDone();
    } catch {
      setError(t('practice.inquiryInvalid'));
    }
  };
  return (
    <div className="stack">
      <p>{t('practice.inquiryPrompt', { partner: partner.name })}</p>
      <label className="field">
        {t('practice.fields.name')}
        <input autoComplete="off" value={fields.name} onChange={set('name')} />
      </label>
      <label className="field">
        {t('practice.fields.affiliation')}
        <input autoComplete="off" value={fields.affiliation} onChange={set('affiliation')} />
      </label>
      <label className="field">
        {t('practice.fields.summary')}
        <textarea dir="auto" autoComplete="off" rows={2} value={fields.summary} onChange={set('summary')} />
      </label>
      <label className="field">
        {t('practice.fields.request')}
        <textarea dir="auto" autoComplete="off" rows={2} value={fields.request} onChange={set('request')} />
      </label>
      <label className="field">
        {t('practice.fields.email')}
        <input type="email" autoComplete="off" value={fields.email} onChange={set('email')} />
      </label>
      <label>
        <input type="checkbox" checked={fields.urgent} onChange={set('urgent')} />
        {t('practice.fields.urgent')}
      </label>
      <label className="field">
        {t('practice.fields.leadAgency')}
        <input autoComplete="off" value={fields.leadAgency} onChange={set('leadAgency')} />
      </label>
      <button type="button" onClick={send}>
        {t('practice.sendToPartner')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {text && <Rendered text={text} />}
    </div>
  );
}

function Rendered({ text }: { text: string }) {
  const { t } = useTranslation('training');
  return (
    <div role="status" aria-label={t('action.sentLabel')}>
      <p className="correct">{t('practice.sent')}</p>
      <pre className="exercise-text">{text}</pre>
    </div>
  );
}

function DeadlineTask({ module, onDone }: { module: CourseModule; onDone: () => void }) {
  const { t, i18n } = useTranslation('training');
  const language = uiLanguage(i18n.language);
  const seconds =
    module.task.kind === 'acknowledge' || module.task.kind === 'ping' ? module.task.deadlineSeconds : 180;
  const [deadline, setDeadline] = useState(() => Date.now() + seconds * 1000);
  const [text, setText] = useState<string | null>(null);
  const [late, setLate] = useState(false);
  const now = useNow(text === null);
  const inquiry = useMemo(
    () =>
      buildTemplate({
        language,
        exercise: true,
        nature: 'request-information',
        sender: { name: partner.name, affiliation: partner.name, role: partner.role, state: partner.state },
        incident: { summary: t('practice.partnerInquiry') },
        urgency: 'urgent',
      }),
    [language, t],
  );
  const act = () => {
    if (Date.now() > deadline) {
      setLate(true);
      return;
    }
    if (module.task.kind === 'acknowledge') {
      const ack = buildAcknowledgement(
        inquiry,
        { name: self.name, affiliation: self.name, role: self.role, state: self.state },
        language,
        { estimatedResponseHours: 24 },
      );
      setText(sendToPartner(ack, language));
    } else setText(t('practice.pingConfirmed'));
    onDone();
  };
  return (
    <div className="stack">
      <p>
        {module.task.kind === 'acknowledge'
          ? t('practice.ackPrompt', { partner: partner.name })
          : t('practice.pingPrompt')}
      </p>
      {module.task.kind === 'acknowledge' && (
        <pre className="exercise-text" aria-label={t('practice.receivedLabel')}>
          {renderTemplateText(inquiry, language)}
        </pre>
      )}
      {text === null && <Countdown deadline={deadline} now={now} />}
      {text === null && (
        <button type="button" onClick={act}>
          {module.task.kind === 'acknowledge' ? t('practice.acknowledge') : t('practice.confirmPing')}
        </button>
      )}
      {late && text === null && (
        <p role="alert" className="incorrect">
          {t('practice.late')}{' '}
          <button
            type="button"
            onClick={() => {
              setLate(false);
              setDeadline(Date.now() + seconds * 1000);
            }}
          >
            {t('practice.restart')}
          </button>
        </p>
      )}
      {text && <Rendered text={text} />}
    </div>
  );
}

const SHOWN = '7D2F 41A9 C3B0 5E18 9A64  2C7E 0B95 D1F3 48A2 6E0C';
const READ_ALOUD = '7D2F 41A9 C3B0 5E18 9A64  2C7E 0B95 D1F3 48A2 6E8C';

function FingerprintTask({ module, onDone }: { module: CourseModule; onDone: () => void }) {
  const { t } = useTranslation('training');
  const [result, setResult] = useState<boolean | null>(null);
  const decide = (matches: boolean) => {
    const right = isPracticeAnswerRight(module.task, matches);
    setResult(right);
    if (right) onDone();
  };
  return (
    <div className="stack">
      <p>{t('practice.fingerprintPrompt', { partner: partner.name })}</p>
      <p>
        {t('practice.fingerprintShown')} <code>{groupFingerprint(SHOWN.replace(/\s/g, ''))}</code>
      </p>
      <p>
        {t('practice.fingerprintHeard')} <code>{groupFingerprint(READ_ALOUD.replace(/\s/g, ''))}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => decide(true)}>
          {t('practice.fingerprintMatch')}
        </button>
        <button type="button" onClick={() => decide(false)}>
          {t('practice.fingerprintDiffer')}
        </button>
      </div>
      {result !== null && (
        <p role="status" className={result ? 'correct' : 'incorrect'}>
          {result ? t('practice.fingerprintRight') : t('practice.tryAgain')}
        </p>
      )}
    </div>
  );
}

export function PracticeTask({ module, onDone }: { module: CourseModule; onDone: () => void }) {
  switch (module.task.kind) {
    case 'choice':
      return <ChoiceTask module={module} onDone={onDone} />;
    case 'inquiry':
      return <InquiryTask onDone={onDone} />;
    case 'acknowledge':
    case 'ping':
      return <DeadlineTask module={module} onDone={onDone} />;
    case 'fingerprint':
      return <FingerprintTask module={module} onDone={onDone} />;
  }
}
