import { useTranslation } from 'react-i18next';
import { AREAS } from '../navigation/navigation';
import { useRoute } from '../navigation/navigation';
import { AREA_COMPONENTS } from './areas';
import { SyncStatusBadge } from '../sync/SyncStatusBadge';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { useLockVault } from '../vault/VaultGate';
import { useDirectoryFreshness } from '../directory/useDirectory';
import './app.css';

export function AppShell() {
  const { t } = useTranslation('common');
  const route = useRoute();
  const lock = useLockVault();
  useDirectoryFreshness();
  const Area = AREA_COMPONENTS[route.area];
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <SyncStatusBadge />
        <span className="spacer" />
        <LanguageSelect compact />
        <button type="button" onClick={lock}>
          {t('lock')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {AREAS.map((area) => (
            <li key={area}>
              <a href={`#/${area}`} aria-current={route.area === area ? 'page' : undefined}>
                {t(`nav.${area}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        <Area key={route.area} {...(route.param ? { param: route.param } : {})} />
      </main>
    </div>
  );
}
