import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderTemplateTexts } from '../../shared/templates';
import { navigate } from '../navigation/navigation';
import { useDirectory } from '../directory/useDirectory';
import { HandOverPanel } from '../outgoing/HandOverPanel';
import { newTemplateId } from '../../shared/templates';
import { useVaultSession } from '../vault/session';
import { loadEnrolledSelf, type EnrolledSelf } from '../identity/enrolledSelf';
import { roleRuleAllows } from '../../shared/directory/roleRule';
import { CURRENT_DRAFT_ID, draftsOf, InquiryDraftSchema, sealDraft, type InquiryDraft } from './draft';
import { ChannelStep, IdentityStep, IncidentStep, RequestStep, type StepProps } from './InquirySteps';
import { loadSenderProfile, saveProfile } from './profile';
import { ReviewStep, useDraftTemplate } from './ReviewStep';
import { sendInquiry, type SendOutcome } from './sendInquiry';
import { useTemplateLabels } from '../components/useTemplateLabels';
import './inquiry.css';
import { recordDirectoryChannel } from '../regional/recordChannel';

const STEPS = ['identity', 'incident', 'request', 'channel', 'review'] as const;
const STEP_VIEWS: Record<(typeof STEPS)[number], (props: StepProps) => React.JSX.Element> = {
  identity: IdentityStep,
  incident: IncidentStep,
  request: RequestStep,
  channel: ChannelStep,
  review: ReviewStep,
};

/** The inquiry procedure of the appendix to Annex A, as four screens, a review, and send. */
export function InquiryArea() {
  const { t } = useTranslation('inquiry');
  const session = useVaultSession();
  const directory = useDirectory();
  const { language } = useTemplateLabels();
  const [draft, setDraft] = useState<InquiryDraft | null>(null);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [enrolled, setEnrolled] = useState<EnrolledSelf | null>(null);
  const [discarded, setDiscarded] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const existing = await draftsOf(session)
        .get(CURRENT_DRAFT_ID)
        .catch(() => undefined);
      const profile = await loadSenderProfile(session);
      const self = await loadEnrolledSelf(session);
      const fresh = InquiryDraftSchema.parse({
        id: CURRENT_DRAFT_ID,
        updatedAt: new Date().toISOString(),
        senderName: profile.name,
        senderTitle: profile.title,
        affiliation: profile.affiliation,
        state: profile.state ?? '',
        role: profile.role ?? 'technical',
        recipientRole: profile.role ?? 'technical',
        email: profile.email,
        phone: profile.phone,
      });
      if (!live) return;
      const base = existing ?? fresh;
      setEnrolled(self);
      // Own State and role come from the enrolment, whatever an older draft said (issue 9 §4).
      setDraft(self ? { ...base, state: self.state, role: self.role } : base);
    })();
    return () => {
      live = false;
    };
  }, [session]);

  const { template } = useDraftTemplate(
    draft ?? InquiryDraftSchema.parse({ id: CURRENT_DRAFT_ID, updatedAt: new Date(0).toISOString() }),
    language,
  );

  if (!draft) return <p role="status">{t('loading')}</p>;

  /** Every change is saved encrypted at once, in order: a crash loses nothing. */
  const update = (patch: Partial<InquiryDraft>) => {
    setDiscarded(false);
    const next = {
      ...draft,
      ...patch,
      ...(enrolled ? { state: enrolled.state, role: enrolled.role } : {}),
      updatedAt: new Date().toISOString(),
    };
    setDraft(next);
    setSaveState('saving');
    // Sealed at once, written in order (as case notes are): a lock right after typing loses nothing.
    session
      .writeInTurn(sealDraft(session, next))
      .then(() => setSaveState('saved'))
      .catch(() => setSaveState('failed'));
  };

  const step = STEPS[draft.step] ?? 'identity';
  const View = STEP_VIEWS[step];
  const recipient = draft.recipientIds[0] ? directory.data?.byId.get(draft.recipientIds[0]) : undefined;
  const crossRole = draft.recipientRole !== draft.role;
  const handoverTo =
    crossRole && draft.handoverToId ? directory.data?.byId.get(draft.handoverToId) : undefined;
  const crossRoleUnconfirmed =
    crossRole &&
    !roleRuleAllows(draft.role, [{ role: draft.recipientRole }], {
      confirmed: draft.crossRoleConfirmed,
      handedOver: Boolean(handoverTo),
    });

  const send = async () => {
    if (!template) return;
    setSending(true);
    setError(null);
    try {
      await session.settled();
      const languages = draft.languages.length ? draft.languages : [language];
      const text = renderTemplateTexts(template, languages);
      await saveProfile(session, {
        name: draft.senderName,
        title: draft.senderTitle,
        affiliation: draft.affiliation,
        email: draft.email,
        phone: draft.phone,
        role: draft.role,
        ...(/^[A-Z]{3}$/.test(draft.state) ? { state: draft.state } : {}),
      });
      const sent = await sendInquiry({
        session,
        draft,
        template,
        text,
        language,
        recipient,
        ...(handoverTo ? { handover: { to: handoverTo, note: draft.handoverNote } } : {}),
      });
      await recordDirectoryChannel(session, sent.caseId, draft);
      setOutcome(sent);
    } catch {
      setError(t('sendFailed'));
    } finally {
      setSending(false);
    }
  };

  /** A fresh draft keeps the sender's identity and gets a new message reference. */
  const restart = (from: InquiryDraft) =>
    InquiryDraftSchema.parse({
      ...from,
      id: CURRENT_DRAFT_ID,
      messageId: newTemplateId(),
      step: 0,
      updatedAt: new Date().toISOString(),
      summary: '',
      impact: '',
      indicatorsText: '',
      request: '',
      urgencyReason: '',
      recipientIds: [],
      crossRoleConfirmed: false,
      handoverToId: '',
      handoverNote: '',
    });

  /** Discarding (e.g. a cross-role draft the user will not send) deletes it from the vault. */
  const discard = async () => {
    await session.settled();
    await draftsOf(session).delete(CURRENT_DRAFT_ID);
    setError(null);
    setDraft(restart(draft));
    setDiscarded(true);
  };

  if (outcome) {
    return (
      <section className="area inquiry" aria-labelledby="inquiry-title">
        <h2 id="inquiry-title">{t('title')}</h2>
        {outcome.handedOverTo && (
          <p role="status" className="notice">
            {t('sent.handedOver', { name: outcome.handedOverTo })}
          </p>
        )}
        <p role="status" className="notice">
          {outcome.sealed ? t('sent.sealed') : t(`sent.${outcome.notSealedReason ?? 'no-identity'}`)}
        </p>
        {outcome.sealed && <HandOverPanel messageId={outcome.messageId} />}
        <button type="button" onClick={() => navigate('cases', outcome.caseId)}>
          {t('sent.openCase')}
        </button>
        <button
          type="button"
          onClick={() => {
            setOutcome(null);
            setDraft(restart(draft));
          }}
        >
          {t('sent.another')}
        </button>
      </section>
    );
  }

  return (
    <section className="area inquiry" aria-labelledby="inquiry-title">
      <h2 id="inquiry-title">
        {t('title')} {draft.exercise && <span className="exercise-badge">{t('exerciseBadge')}</span>}
      </h2>
      <ol className="steps" aria-label={t('stepsLabel')}>
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === draft.step ? 'step' : undefined}>
            <button type="button" onClick={() => update({ step: index })}>
              {t(`steps.${name}.title`)}
            </button>
          </li>
        ))}
      </ol>
      <h3>{t(`steps.${step}.title`)}</h3>
      <p className="hint">{t(`steps.${step}.appendix`)}</p>
      <View draft={draft} update={update} enrolled={enrolled} />
      <p className="save-state" role="status" aria-live="polite">
        {t(`saveState.${saveState}`)}
      </p>
      <div className="wizard-nav">
        {draft.step > 0 && (
          <button type="button" onClick={() => update({ step: draft.step - 1 })}>
            {t('back')}
          </button>
        )}
        {draft.step < STEPS.length - 1 && (
          <button type="button" onClick={() => update({ step: draft.step + 1 })}>
            {t('next')}
          </button>
        )}
        {step === 'review' && (
          <button
            type="button"
            className="primary"
            disabled={!template || sending || crossRoleUnconfirmed}
            onClick={() => void send()}
          >
            {handoverTo ? t('sendHandover') : t('send')}
          </button>
        )}
      </div>
      {step === 'review' && crossRoleUnconfirmed && (
        <p className="warning" role="alert">
          {t('crossRole.mustConfirm')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {discarded && (
        <p role="status" className="notice">
          {t('discarded')}
        </p>
      )}
      <p className="hint">{t('draftHint')}</p>
      <button type="button" onClick={() => void discard()}>
        {t('discard')}
      </button>
    </section>
  );
}
