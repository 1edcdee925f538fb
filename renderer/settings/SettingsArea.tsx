import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsPatchSchema } from '../../shared/host/contract';
import { VaultSettings } from '../vault/VaultSettings';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { useSettings, useUpdateSettings } from '../host/useSettings';

export function SettingsArea() {
  const { t } = useTranslation('common');
  const settings = useSettings();
  const update = useUpdateSettings();
  const ids = { registry: useId(), idle: useId(), stale: useId() };
  const [registryUrl, setRegistryUrl] = useState('');
  const [idleLockMinutes, setIdle] = useState('15');
  const [staleSyncDays, setStale] = useState('14');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setRegistryUrl(settings.data.registryUrl ?? '');
    setIdle(String(settings.data.idleLockMinutes));
    setStale(String(settings.data.staleSyncDays));
  }, [settings.data]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const patch = SettingsPatchSchema.safeParse({
      registryUrl: registryUrl.trim() || undefined,
      idleLockMinutes: Number(idleLockMinutes),
      staleSyncDays: Number(staleSyncDays),
    });
    if (!patch.success) {
      const field = String(patch.error.issues[0]?.path[0] ?? '');
      setError(t(`settings.invalid.${field}`, { defaultValue: t('settings.invalid.generic') }));
      return;
    }
    setError(null);
    update.mutate(patch.data, {
      onSuccess: () => setSaved(true),
      onError: () => setError(t('settings.invalid.generic')),
    });
  };

  return (
    <section className="area stack" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('nav.settings')}</h2>
      <LanguageSelect />
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.registry}>{t('settings.registryUrl')}</label>
          <input
            id={ids.registry}
            type="url"
            inputMode="url"
            dir="ltr"
            placeholder="https://registry.example.org"
            value={registryUrl}
            onChange={(e) => setRegistryUrl(e.target.value)}
          />
          <p className="hint">{t('settings.registryUrlHint')}</p>
        </div>
        <div className="field">
          <label htmlFor={ids.idle}>{t('settings.idleLockMinutes')}</label>
          <input
            id={ids.idle}
            type="number"
            min={1}
            max={1440}
            value={idleLockMinutes}
            onChange={(e) => setIdle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.stale}>{t('settings.staleSyncDays')}</label>
          <input
            id={ids.stale}
            type="number"
            min={1}
            max={365}
            value={staleSyncDays}
            onChange={(e) => setStale(e.target.value)}
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {saved && <p role="status">{t('settings.saved')}</p>}
        <div>
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
      </form>
      <VaultSettings />
    </section>
  );
}
