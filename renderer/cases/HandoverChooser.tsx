import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { entryLabel, handoverCandidates, type Party } from '../../shared/cases';
import { stateName } from '../../shared/directory/stateNames';
import type { PocRole } from '../../shared/directory/model';
import { useDirectory } from '../directory/useDirectory';
import { useTemplateLabels } from '../components/useTemplateLabels';

/**
 * A §9 role rule: the matter goes to the own State's point of contact of the other role, chosen
 * from the directory (own State, that role). Controlled: the wizard keeps the choice in its draft,
 * the case page in its state.
 */
export function HandoverChooser(props: {
  self: Pick<Party, 'state'>;
  toRole: PocRole;
  pocId: string;
  note: string;
  onChange: (value: { pocId: string; note: string }) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const { labels } = useTemplateLabels();
  const directory = useDirectory();
  const selectId = useId();
  const noteId = useId();
  const candidates = handoverCandidates(directory.data?.entries ?? [], props.self, props.toRole);
  if (directory.isPending) return <p role="status">{t('loading')}</p>;
  if (!candidates.length)
    return (
      <p className="hint">
        {t('handover.none', {
          role: labels.roles[props.toRole],
          state: props.self.state ? stateName(props.self.state, i18n.language) : '—',
        })}
      </p>
    );
  return (
    <div className="handover">
      <div className="field">
        <label htmlFor={selectId}>{t('handover.poc', { role: labels.roles[props.toRole] })}</label>
        <select
          id={selectId}
          value={props.pocId}
          onChange={(e) => props.onChange({ pocId: e.target.value, note: props.note })}
        >
          <option value="">{t('handover.choose')}</option>
          {candidates.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entryLabel(entry)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t('handover.note')}</label>
        <input
          id={noteId}
          value={props.note}
          onChange={(e) => props.onChange({ pocId: props.pocId, note: e.target.value })}
          dir="auto"
        />
      </div>
    </div>
  );
}
