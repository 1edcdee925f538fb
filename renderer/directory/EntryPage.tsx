import { useState } from 'react';
import { ChannelVerified } from './ChannelVerified';
import { useTranslation } from 'react-i18next';
import { fingerprintGroups } from '../../shared/directory/fingerprintGroups';
import type { PointOfContact } from '../../shared/directory/model';
import { isDirectorySyncStale, isPingStale } from '../../shared/directory/staleness';
import { formatDate, formatList, languageNamer } from '../../shared/i18n/formats';
import { stateName } from '../../shared/directory/stateNames';
import { navigate } from '../navigation/navigation';
import { useOwnEnrolment } from '../enrolment/enrolmentRecord';
import { useSettings } from '../host/useSettings';
import { shownText } from './entryLabels';
import { useDirectory, useLastDirectorySync } from './useDirectory';
import { globalView } from '../../shared/regional/match';
import { CrossDirectoryMatches } from '../regional/CrossDirectoryMatches';

function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('directory');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" onClick={copy} aria-label={label}>
        {t('entry.copy')}
      </button>
      {state !== 'idle' && (
        <span role="status" className="hint">
          {state === 'copied' ? t('entry.copied') : t('entry.copyFailed')}
        </span>
      )}
    </>
  );
}

/** One entry: contact details with copy buttons, original/English toggle, fingerprint, stale flags. */
export function EntryPage({ entry }: { entry: PointOfContact }) {
  const { t, i18n } = useTranslation('directory');
  const [english, setEnglish] = useState(false);
  const settings = useSettings();
  const lastSync = useLastDirectorySync();
  const directory = useDirectory();
  const { text, lang, dir } = shownText(entry, english);
  const ui = i18n.language;
  const languageName = languageNamer(ui);
  const own = useOwnEnrolment();
  const pingStale = isPingStale(entry, undefined, own);
  const syncStale =
    lastSync.isSuccess &&
    isDirectorySyncStale(lastSync.data ?? undefined, settings.data?.staleSyncDays ?? 14);

  return (
    <article className="area stack entry-page" aria-labelledby="entry-title">
      <p>
        <a
          href="#/directory"
          onClick={(e) => {
            e.preventDefault();
            navigate('directory');
          }}
        >
          {t('entry.back')}
        </a>
      </p>
      <h2 id="entry-title" lang={lang} dir={dir}>
        {text.personName ?? text.entity}
      </h2>
      <p>
        {stateName(entry.state, ui)} · <span className="badge">{t(`role.${entry.role}`)}</span> ·{' '}
        {t(`kind.${entry.kind}`)}
      </p>
      {pingStale && (
        <p className="notice warn" role="note">
          {entry.lastPingConfirmedAt ? t('entry.pingStale') : t('entry.pingNever')}
        </p>
      )}
      {syncStale && (
        <p className="notice warn" role="note">
          {lastSync.data
            ? t('entry.syncStale', { days: settings.data?.staleSyncDays ?? 14 })
            : t('entry.syncNever')}
        </p>
      )}
      {entry.english && entry.language !== 'en' && (
        <div>
          <button type="button" aria-pressed={english} onClick={() => setEnglish((v) => !v)}>
            {english
              ? t('entry.showOriginal', { language: languageName(entry.language) })
              : t('entry.showEnglish')}
          </button>
          {english && <p className="hint">{t('entry.unofficialTranslation')}</p>}
        </div>
      )}
      <dl className="entry-fields">
        <dt>{t('entry.entity')}</dt>
        <dd lang={lang} dir={dir}>
          {text.entity}
        </dd>
        {text.personName && (
          <>
            <dt>{t('entry.person')}</dt>
            <dd lang={lang} dir={dir}>
              {text.personName}
            </dd>
          </>
        )}
        {text.personTitle && (
          <>
            <dt>{t('entry.title')}</dt>
            <dd lang={lang} dir={dir}>
              {text.personTitle}
            </dd>
          </>
        )}
        {text.officeHours && (
          <>
            <dt>{t('entry.officeHours')}</dt>
            <dd lang={lang} dir={dir}>
              {text.officeHours}
              {/* The space outside the left-to-right span: inside it, right to left, it fell on the far side. */}
              {entry.timeZone && (
                <>
                  {' '}
                  <span dir="ltr">({entry.timeZone})</span>
                </>
              )}
            </dd>
          </>
        )}
        {text.notes && (
          <>
            <dt>{t('entry.notes')}</dt>
            <dd lang={lang} dir={dir}>
              {text.notes}
            </dd>
          </>
        )}
      </dl>
      <dl className="entry-fields">
        <dt>{t('entry.phones')}</dt>
        {entry.phones.map((phone) => (
          <dd key={phone}>
            <span dir="ltr">{phone}</span>{' '}
            <CopyButton value={phone} label={t('entry.copyPhone', { value: phone })} />
          </dd>
        ))}
        <dt>{t('entry.emails')}</dt>
        {entry.emails.map((email) => (
          <dd key={email}>
            <span dir="ltr">{email}</span>{' '}
            <CopyButton value={email} label={t('entry.copyEmail', { value: email })} />
          </dd>
        ))}
        <dt>{t('entry.workingLanguages')}</dt>
        <dd>{formatList(entry.workingLanguages.map(languageName), ui)}</dd>
        <dt>{t('entry.writtenIn')}</dt>
        <dd>{languageName(entry.language)}</dd>
        <dt>{t('entry.fingerprint')}</dt>
        <dd>
          {entry.openpgp ? (
            <code className="entry-fingerprint" aria-label={t('entry.fingerprintAria')}>
              {fingerprintGroups(entry.openpgp.fingerprint).map((line, i) => (
                <span key={i} className="entry-fingerprint-line" dir="ltr">
                  {line.join(' ')}
                </span>
              ))}
            </code>
          ) : (
            t('entry.noKey')
          )}
        </dd>
        {entry.regionalDirectories.length > 0 && (
          <>
            <dt>{t('entry.regional')}</dt>
            <dd>{entry.regionalDirectories.join(', ')}</dd>
          </>
        )}
        <dt>{t('entry.lastConfirmed')}</dt>
        <dd>{entry.lastPingConfirmedAt ? formatDate(entry.lastPingConfirmedAt, ui) : t('entry.never')}</dd>
        <dt>{t('entry.updated')}</dt>
        <dd>{t('entry.revision', { revision: entry.revision, date: formatDate(entry.updatedAt, ui) })}</dd>
      </dl>
      <ChannelVerified entry={entry} />
      <CrossDirectoryMatches record={globalView(entry)} globalEntries={directory.data?.entries} />
    </article>
  );
}
