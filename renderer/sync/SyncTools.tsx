import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodedError } from '../../shared/errors';
import type { SyncState } from '../../shared/sync/model';
import { base64ToText, textToBase64 } from '../../shared/encoding/base64';
import { MAX_FILE_BYTES } from '../../shared/host/contract';
import { HostError } from '../../shared/host/dispatch';
import { useHost } from '../host/HostContext';
import { outOfDateSince, syncErrorText } from './syncErrors';
import { useSyncController } from './useSync';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Issue 9 §3: "Directory may be out of date since DATE", wherever sync status shows. */
export function FeedFreshness({
  state,
  compact = false,
}: {
  state: SyncState | null | undefined;
  compact?: boolean;
}) {
  const { t } = useTranslation('sync');
  const since = outOfDateSince(state);
  if (!since) return null;
  const text = t('outOfDate', { date: when(since) });
  if (compact)
    return (
      <span className="sync-badge" data-tone="warn">
        {text}
      </span>
    );
  return (
    <p className="sync-error" role="alert" data-testid="feed-out-of-date">
      {text}
    </p>
  );
}

/** The Sync area's settings (issue 14 mirror, issue 9 §3 bound), stored encrypted with the sync state. */
export function SyncSettingsForm({ state }: { state: SyncState }) {
  const { t } = useTranslation('sync');
  const controller = useSyncController();
  const [mirror, setMirror] = useState(state.mirrorUrl ?? '');
  const [hours, setHours] = useState(String(state.maxFeedAgeHours ?? 24));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mirrorUrl = mirror.trim() === '' ? undefined : mirror.trim();
    const parsedHours = Number(hours);
    if (mirrorUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(mirrorUrl))
      return setMessage({ ok: false, text: t('settings.badMirror') });
    if (!Number.isInteger(parsedHours) || parsedHours < 1 || parsedHours > 24 * 90)
      return setMessage({ ok: false, text: t('settings.badHours') });
    controller.saveSettings({ mirrorUrl, maxFeedAgeHours: parsedHours }).then(
      () => setMessage({ ok: true, text: t('settings.saved') }),
      () => setMessage({ ok: false, text: t('settings.badMirror') }),
    );
  };

  return (
    <form className="stack sync-section" onSubmit={submit} aria-labelledby="sync-settings-title">
      <h3 id="sync-settings-title">{t('settings.title')}</h3>
      <label className="field">
        {t('settings.mirror')}
        <input
          type="url"
          dir="ltr"
          value={mirror}
          onChange={(e) => setMirror(e.target.value)}
          placeholder="https://mirror.example.org/poc"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p className="hint">{t('settings.mirrorHint')}</p>
      <label className="field">
        {t('settings.maxAge')}
        <input
          type="number"
          min={1}
          max={24 * 90}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          autoComplete="off"
        />
      </label>
      <div>
        <button type="submit">{t('settings.save')}</button>
      </div>
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </form>
  );
}

/**
 * Issue 14, sync without a network: update from a bundle file; save the outbox to a file. Both go
 * through the host's file dialogs (files.open / files.save), as every other file of the app: the
 * desktop shell refuses browser downloads, and a native file input would speak the OS language, not
 * the app's. "Saved" is said only when the host reports the file written (not when it was cancelled).
 */
export function SyncByFile() {
  const { t } = useTranslation('sync');
  const host = useHost();
  const controller = useSyncController();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = async () => {
    setMessage(null);
    try {
      const file = await host.call('files.open', {
        title: t('file.update'),
        filters: [{ name: t('file.bundleFilter'), extensions: ['json', 'bundle'] }],
        // A 10,000-entry bundle is about 15 MB; the host's ceiling for any file is the limit.
        maxBytes: MAX_FILE_BYTES,
      });
      if (!file) return;
      setBusy(true);
      const result = await controller.importBundle(base64ToText(file.bytes));
      setMessage({ ok: true, text: t('file.imported', { count: result.applied, seq: result.lastSeq }) });
    } catch (error) {
      const code =
        error instanceof HostError && error.code === 'too-large'
          ? 'file-too-large'
          : error instanceof CodedError
            ? String(error.code)
            : 'bad-file';
      setMessage({ ok: false, text: syncErrorText(t, code) });
    } finally {
      setBusy(false);
    }
  };

  const exportOutbox = async () => {
    setMessage(null);
    try {
      const { text, count } = await controller.exportOutbox();
      if (count === 0) return setMessage({ ok: true, text: t('file.nothingWaiting') });
      const { saved } = await host.call('files.save', {
        suggestedName: `poc-outbox-${new Date().toISOString().slice(0, 10)}.json`,
        mimeType: 'application/json',
        bytes: textToBase64(text),
      });
      if (saved) setMessage({ ok: true, text: t('file.exported', { count }) });
    } catch {
      setMessage({ ok: false, text: t('file.exportFailed') });
    }
  };

  return (
    <section className="stack sync-section" aria-labelledby="sync-file-title">
      <h3 id="sync-file-title">{t('file.title')}</h3>
      <p className="hint">{t('file.explain')}</p>
      <div className="sync-actions">
        <button type="button" disabled={busy} onClick={() => void importFile()}>
          {t('file.update')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportOutbox()}>
          {t('file.exportOutbox')}
        </button>
      </div>
      {busy ? <p role="status">{t('syncing')}</p> : null}
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </section>
  );
}
