import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import {
  entriesOfList,
  entriesOfRegionalDirectory,
  entriesOfUnGroup,
  fitsBatch,
  type BatchFilter,
  type CampaignScope,
} from '../../shared/commcheck';
import { POC_ROLES, type PocRole, type PointOfContact } from '../../shared/directory/model';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../shared/directory/states';
import { isUnLanguage } from '../../shared/i18n/languages';
import { errorText } from '../components/errorText';
import { PocPicker } from '../directory/PocPicker';
import { getEntry } from '../directory/store';
import { useDirectory } from '../directory/useDirectory';
import { useEnrolledSelf } from '../identity/enrolledSelf';
import { loadSenderProfile } from '../inquiry/profile';
import { useRegionalDirectories } from '../regional/store';
import { useVaultSession } from '../vault/session';
import { sendCampaign } from './sendCampaign';
import { COMMCHECK_QUERY_KEY } from './store';

type Target = 'list' | 'regional' | 'un-group';

/**
 * A new campaign: one POC or a hand-picked list, every POC of an imported regional directory, or
 * every POC of the States of a UN regional group, of the chosen role whichever the target (A §9, see
 * BatchFilter); sealed with progress shown, then the report opens.
 */
export function CampaignForm({ onSent }: { onSent: (campaignId: string) => void }) {
  const { t, i18n } = useTranslation('commcheck');
  const { t: td } = useTranslation('directory');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const client = useQueryClient();
  const directory = useDirectory();
  const regional = useRegionalDirectories();
  const enrolled = useEnrolledSelf().data ?? null;
  const [target, setTarget] = useState<Target>('list');
  const [picked, setPicked] = useState<string[]>([]);
  const [regionalId, setRegionalId] = useState('');
  const [group, setGroup] = useState<RegionalGroup>('african');
  const [role, setRole] = useState<PocRole | 'both' | ''>('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const chosenRole: PocRole | 'both' = role || enrolled?.role || 'both';
  const ownFingerprint = enrolled?.fingerprint;
  const filter: BatchFilter = useMemo(
    () => ({ role: chosenRole, ownFingerprint }),
    [chosenRole, ownFingerprint],
  );
  const entries = directory.data?.entries;
  const directories = regional.data?.directories ?? [];
  const regionalRecord = directories.find((d) => d.id === regionalId) ?? directories[0];

  const recipients: PointOfContact[] = useMemo(() => {
    if (!entries) return [];
    if (target === 'un-group') return entriesOfUnGroup(entries, group, filter);
    if (target === 'regional')
      return regionalRecord ? entriesOfRegionalDirectory(entries, regionalRecord, filter) : [];
    return directory.data ? entriesOfList(directory.data.byId, picked, filter) : [];
  }, [entries, directory.data, target, group, regionalRecord, picked, filter]);
  /** Picked under another role, then the role changed: shown, so nobody is dropped silently. */
  const pickedOtherRole =
    target === 'list' && chosenRole !== 'both'
      ? picked.filter((id) => {
          const entry = directory.data?.byId.get(id);
          return entry !== undefined && entry.role !== chosenRole;
        }).length
      : 0;

  const offered = useCallback(
    (entry: PointOfContact) => Boolean(entry.openpgp) && fitsBatch(entry, filter),
    [filter],
  );

  const send = async () => {
    setError(null);
    setProgress({ done: 0, total: recipients.length });
    try {
      const profile = await loadSenderProfile(session);
      const state = enrolled?.state ?? profile.state;
      const ownRole = enrolled?.role ?? profile.role;
      const name = profile.name || profile.affiliation;
      if (!name.trim() || !state || !ownRole) {
        setError(t('form.profileMissing'));
        setProgress(null);
        return;
      }
      // The hand-picked entries as the vault holds them now (the cached list can predate a sync).
      const current =
        target === 'list'
          ? (await Promise.all(recipients.map((r) => getEntry(session, r.id)))).flatMap((e) =>
              e && fitsBatch(e, filter) ? [e] : [],
            )
          : recipients;
      const scope: CampaignScope =
        target === 'regional' && regionalRecord
          ? { kind: 'regional', directoryId: regionalRecord.id, name: regionalRecord.name }
          : target === 'un-group'
            ? { kind: 'un-group', group }
            : { kind: 'list' };
      const campaign = await sendCampaign({
        session,
        recipients: current,
        scope,
        from: {
          sender: {
            name,
            affiliation: profile.affiliation || name,
            role: ownRole,
            state,
            ...(profile.title ? { title: profile.title } : {}),
          },
          ...(profile.email ? { email: profile.email } : {}),
          ...(profile.phone ? { phone: profile.phone } : {}),
        },
        language: isUnLanguage(i18n.language) ? i18n.language : 'en',
        onProgress: (done, total) => setProgress({ done, total }),
      });
      await client.invalidateQueries({ queryKey: COMMCHECK_QUERY_KEY });
      await client.invalidateQueries({ queryKey: ['vault', 'messages'] });
      setPicked([]);
      onSent(campaign.id);
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="messages-card stack" aria-labelledby="commcheck-new-title">
      <h3 id="commcheck-new-title">{t('form.title')}</h3>
      <p className="hint">{t('form.explain')}</p>
      <fieldset>
        <legend>{t('form.target')}</legend>
        {(['list', 'regional', 'un-group'] as const).map((value) => (
          <label key={value} className="inline-check">
            <input
              type="radio"
              name="commcheck-target"
              value={value}
              checked={target === value}
              onChange={() => setTarget(value)}
            />{' '}
            {t(`form.targets.${value}`)}
          </label>
        ))}
      </fieldset>
      {target === 'list' && (
        <PocPicker value={picked} onChange={setPicked} filter={offered} label={t('form.findPoc')} />
      )}
      {target === 'regional' &&
        (directories.length ? (
          <label>
            {t('form.regionalDirectory')}
            <select value={regionalRecord?.id ?? ''} onChange={(e) => setRegionalId(e.target.value)}>
              {directories.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="notice">{t('form.noRegional')}</p>
        ))}
      {target === 'un-group' && (
        <label>
          {t('form.unGroup')}
          <select value={group} onChange={(e) => setGroup(e.target.value as RegionalGroup)}>
            {REGIONAL_GROUPS.map((g) => (
              <option key={g} value={g}>
                {td(`group.${g}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('form.role')}
        <select value={chosenRole} onChange={(e) => setRole(e.target.value as PocRole | 'both')}>
          {POC_ROLES.map((r) => (
            <option key={r} value={r}>
              {td(`role.${r}`)}
            </option>
          ))}
          <option value="both">{t('form.bothRoles')}</option>
        </select>
      </label>
      <p role="status">
        {t('form.count', { count: recipients.length })}
        {pickedOtherRole > 0 && (
          <>
            <br />
            {t('form.otherRole', { count: pickedOtherRole })}
          </>
        )}
      </p>
      <div>
        <button
          type="button"
          className="primary"
          disabled={progress !== null || recipients.length === 0}
          onClick={() => void send()}
        >
          {t('form.send', { count: recipients.length })}
        </button>
      </div>
      {progress && (
        <div className="stack">
          <label>
            {t('form.sealing', { done: progress.done, total: progress.total })}
            <progress max={progress.total} value={progress.done} />
          </label>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
