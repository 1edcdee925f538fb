import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodedError } from '../../shared/errors';
import type { SyncState } from '../../shared/sync/model';
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
    <form className="stack" onSubmit={submit} aria-labelledby="sync-settings-title">
      <h3 id="sync-settings-title">{t('settings.title')}</h3>
      <label>
        {t('settings.mirror')}
        <input
          type="url"
          value={mirror}
          onChange={(e) => setMirror(e.target.value)}
          placeholder="https://mirror.example.org/poc"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p className="hint">{t('settings.mirrorHint')}</p>
      <label>
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

/** Issue 14, sync without a network: update from a bundle file; export the outbox to a file. */
export function SyncByFile() {
  const { t } = useTranslation('sync');
  const controller = useSyncController();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await controller.importBundle(await file.text());
      setMessage({ ok: true, text: t('file.imported', { count: result.applied, seq: result.lastSeq }) });
    } catch (error) {
      setMessage({
        ok: false,
        text: syncErrorText(t, error instanceof CodedError ? String(error.code) : 'bad-file'),
      });
    } finally {
      setBusy(false);
    }
  };

  const exportOutbox = async () => {
    const { text, count } = await controller.exportOutbox();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `poc-outbox-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
    setMessage({ ok: true, text: t('file.exported', { count }) });
  };

  return (
    <section className="stack" aria-labelledby="sync-file-title">
      <h3 id="sync-file-title">{t('file.title')}</h3>
      <p>{t('file.explain')}</p>
      <label>
        {t('file.update')}
        <input
          type="file"
          accept=".json,.bundle,application/json"
          disabled={busy}
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </label>
      <div>
        <button type="button" onClick={() => void exportOutbox()}>
          {t('file.exportOutbox')}
        </button>
      </div>
      {busy ? <p role="status">{t('syncing')}</p> : null}
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </section>
  );
}
