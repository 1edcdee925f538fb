import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POC_ROLES, type PointOfContact } from '../../shared/directory/model';
import { stateName } from '../../shared/directory/stateNames';
import {
  CHANNELS,
  INCIDENT_STATUSES,
  NATURES,
  SECTORS,
  THIRD_PARTY_SHARING,
  TLP_LABELS,
  URGENCIES,
} from '../../shared/templates';
import { HandoverChooser } from '../cases/HandoverChooser';
import { DateTimeField } from '../components/DateTimeField';
import { PocPicker } from '../directory/PocPicker';
import { useDirectory } from '../directory/useDirectory';
import type { EnrolledSelf } from '../identity/enrolledSelf';
import type { InquiryDraft } from './draft';
import { Fieldset, ReadOnlyField, SelectField, TextField } from './fields';
import { IndicatorInput } from './IndicatorInput';
import { useTemplateLabels } from '../components/useTemplateLabels';
import { DirectoryChannelChoice } from '../regional/DirectoryChannelChoice';

export interface StepProps {
  draft: InquiryDraft;
  update: (patch: Partial<InquiryDraft>) => void;
  /** The registry enrolment: when known, own State and role are shown, not editable (issue 9 §4). */
  enrolled?: EnrolledSelf | null;
}

/** Appendix, inquiry step 1: « Appelez ou envoyez un courriel à l'interlocuteur concerné et indiquez votre nom et votre affiliation. » */
export function IdentityStep({ draft, update, enrolled }: StepProps) {
  const { t, i18n } = useTranslation('inquiry');
  const { labels } = useTemplateLabels();
  const directory = useDirectory();
  const [otherRole, setOtherRole] = useState(false);
  const sameRole = useMemo(
    () => (entry: PointOfContact) => otherRole || entry.role === draft.role,
    [otherRole, draft.role],
  );
  const roles = POC_ROLES.map((role) => ({ value: role, label: labels.roles[role] }));
  const pick = (ids: string[]) => {
    const entry = ids[0] ? directory.data?.byId.get(ids[0]) : undefined;
    update({
      recipientIds: ids,
      ...(entry ? { recipientState: entry.state, recipientRole: entry.role } : {}),
      crossRoleConfirmed: false,
      handoverToId: '',
    });
  };
  const crossRole = draft.recipientRole !== draft.role;
  return (
    <>
      <Fieldset legend={t('steps.identity.me')}>
        <TextField
          label={labels.fields['sender.name']}
          value={draft.senderName}
          onChange={(senderName) => update({ senderName })}
        />
        <TextField
          label={labels.fields['sender.title']}
          value={draft.senderTitle}
          onChange={(senderTitle) => update({ senderTitle })}
        />
        <TextField
          label={labels.fields['sender.affiliation']}
          value={draft.affiliation}
          onChange={(affiliation) => update({ affiliation })}
        />
        {enrolled ? (
          <>
            <ReadOnlyField label={t('myStateName')} value={stateName(enrolled.state, i18n.language)} />
            <ReadOnlyField label={t('myRole')} value={labels.roles[enrolled.role]} />
            <p className="hint">{t('fromEnrolment')}</p>
          </>
        ) : (
          <>
            <TextField
              label={t('myState')}
              hint={t('stateHint')}
              value={draft.state}
              onChange={(state) => update({ state: state.toUpperCase() })}
              dir="ltr"
            />
            <SelectField
              label={t('myRole')}
              value={draft.role}
              onChange={(role) => update({ role: role === 'diplomatic' ? 'diplomatic' : 'technical' })}
              options={roles}
            />
            <p className="hint">{t('notEnrolled')}</p>
          </>
        )}
      </Fieldset>
      <Fieldset legend={t('steps.identity.recipient')}>
        <p className="hint">{t('roleRule')}</p>
        <PocPicker
          value={draft.recipientIds}
          onChange={pick}
          multiple={false}
          filter={sameRole}
          label={t('findRecipient')}
        />
        <label className="check">
          <input type="checkbox" checked={otherRole} onChange={(e) => setOtherRole(e.target.checked)} />{' '}
          {t('showOtherRole')}
        </label>
        <TextField
          label={t('recipientState')}
          hint={t('stateHint')}
          value={draft.recipientState}
          onChange={(recipientState) => update({ recipientState: recipientState.toUpperCase() })}
          dir="ltr"
        />
        <SelectField
          label={t('recipientRole')}
          value={draft.recipientRole}
          onChange={(r) =>
            update({
              recipientRole: r === 'diplomatic' ? 'diplomatic' : 'technical',
              crossRoleConfirmed: false,
              handoverToId: '',
            })
          }
          options={roles}
        />
        {crossRole && (
          <div className="warning" role="alert">
            <p>
              {t('crossRole.warning', {
                mine: labels.roles[draft.role],
                theirs: labels.roles[draft.recipientRole],
              })}
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.crossRoleConfirmed}
                onChange={(e) =>
                  update({
                    crossRoleConfirmed: e.target.checked,
                    ...(e.target.checked ? { handoverToId: '' } : {}),
                  })
                }
              />{' '}
              {t('crossRole.confirm')}
            </label>
            <p className="hint">{t('crossRole.handoverHint')}</p>
            <HandoverChooser
              self={{ state: draft.state }}
              toRole={draft.recipientRole}
              pocId={draft.handoverToId}
              note={draft.handoverNote}
              onChange={({ pocId, note }) =>
                update({
                  handoverToId: pocId,
                  handoverNote: note,
                  ...(pocId ? { crossRoleConfirmed: false } : {}),
                })
              }
            />
          </div>
        )}
      </Fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.exercise}
          onChange={(e) => update({ exercise: e.target.checked })}
        />{' '}
        {t('exercise')}
      </label>
    </>
  );
}

/** Appendix, inquiry step 2: « Fournissez autant d'informations que possible sur la nature de l'incident. » */
export function IncidentStep({ draft, update }: StepProps) {
  const { t } = useTranslation('inquiry');
  const { labels } = useTemplateLabels();
  const toggleSector = (sector: string, on: boolean) =>
    update({
      sectors: on
        ? [...draft.sectors.filter((s) => s !== sector), sector]
        : draft.sectors.filter((s) => s !== sector),
    });
  return (
    <>
      <SelectField
        label={labels.fields.nature}
        value={draft.nature}
        onChange={(nature) => update({ nature })}
        options={NATURES.filter((n) => n !== 'acknowledgement' && n !== 'response').map((n) => ({
          value: n,
          label: labels.natures[n],
        }))}
      />
      <TextField
        multiline
        label={labels.fields['incident.summary']}
        value={draft.summary}
        onChange={(summary) => update({ summary })}
      />
      <DateTimeField
        label={labels.fields['incident.firstObservedAt']}
        value={draft.firstObservedAt}
        onChange={(firstObservedAt) => update({ firstObservedAt })}
      />
      <SelectField
        label={labels.fields['incident.status']}
        value={draft.incidentStatus}
        onChange={(incidentStatus) => update({ incidentStatus })}
        empty={t('notSaid')}
        options={INCIDENT_STATUSES.map((s) => ({ value: s, label: labels.incidentStatuses[s] }))}
      />
      <Fieldset legend={labels.fields['incident.sectors']}>
        <div className="checks">
          {SECTORS.map((sector) => (
            <label key={sector} className="check">
              <input
                type="checkbox"
                checked={draft.sectors.includes(sector)}
                onChange={(e) => toggleSector(sector, e.target.checked)}
              />{' '}
              {labels.sectors[sector]}
            </label>
          ))}
        </div>
      </Fieldset>
      <TextField
        multiline
        label={labels.fields['incident.impact']}
        value={draft.impact}
        onChange={(impact) => update({ impact })}
      />
      <IndicatorInput
        value={draft.indicatorsText}
        onChange={(indicatorsText) => update({ indicatorsText })}
      />
    </>
  );
}

/** Appendix, inquiry step 3: « Demandez des informations complémentaires … précisez vos coordonnées. Si tel est le cas, indiquez que votre demande est urgente. » */
export function RequestStep({ draft, update }: StepProps) {
  const { t } = useTranslation('inquiry');
  const { labels } = useTemplateLabels();
  return (
    <>
      <TextField
        multiline
        label={labels.fields.request}
        value={draft.request}
        onChange={(request) => update({ request })}
      />
      <SelectField
        label={labels.fields.urgency}
        value={draft.urgency}
        onChange={(urgency) => update({ urgency })}
        empty={t('notSaid')}
        options={URGENCIES.map((u) => ({ value: u, label: labels.urgencies[u] }))}
      />
      {draft.urgency === 'urgent' && (
        <TextField
          label={labels.fields.urgencyReason}
          value={draft.urgencyReason}
          onChange={(urgencyReason) => update({ urgencyReason })}
        />
      )}
      <TextField
        type="email"
        label={labels.fields['contact.email']}
        value={draft.email}
        onChange={(email) => update({ email })}
        dir="ltr"
      />
      <TextField
        type="tel"
        label={labels.fields['contact.phone']}
        value={draft.phone}
        onChange={(phone) => update({ phone })}
        dir="ltr"
      />
      <TextField
        label={labels.fields['contact.other']}
        value={draft.contactOther}
        onChange={(contactOther) => update({ contactOther })}
      />
    </>
  );
}

/** Appendix, inquiry step 4: « Précisez le canal de communication privilégié et l'agence de votre pays qui deviendra l'interlocuteur principal pour l'incident en question. » */
export function ChannelStep({ draft, update }: StepProps) {
  const { t } = useTranslation('inquiry');
  const { labels } = useTemplateLabels();
  return (
    <>
      <SelectField
        label={labels.fields['channel.preferred']}
        value={draft.channel}
        onChange={(channel) => update({ channel })}
        empty={t('notSaid')}
        options={CHANNELS.map((c) => ({ value: c, label: labels.channels[c] }))}
      />
      <TextField
        label={labels.fields['channel.details']}
        value={draft.channelDetails}
        onChange={(channelDetails) => update({ channelDetails })}
      />
      <TextField
        label={labels.fields['channel.leadAgency']}
        value={draft.leadAgency}
        onChange={(leadAgency) => update({ leadAgency })}
      />
      <DirectoryChannelChoice
        ownState={draft.state}
        counterpartState={draft.recipientState}
        value={draft.directoryChannel}
        onChange={(directoryChannel) => update({ directoryChannel })}
      />
      <SelectField
        label={labels.fields.tlp}
        value={draft.tlp}
        onChange={(tlp) => update({ tlp })}
        empty={t('notSaid')}
        options={TLP_LABELS.map((l) => ({ value: l, label: `TLP:${l}` }))}
      />
      <SelectField
        label={labels.fields.thirdPartySharing}
        value={draft.thirdPartySharing}
        onChange={(thirdPartySharing) => update({ thirdPartySharing })}
        empty={t('notSaid')}
        options={THIRD_PARTY_SHARING.map((s) => ({ value: s, label: labels.thirdPartySharing[s] }))}
      />
    </>
  );
}
