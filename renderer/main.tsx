import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickUnLanguage } from '../shared/i18n/languages';
import { App, createQueryClient } from './app/App';
import { PocDatabase } from './db/database';
import { resolveHost } from './host/HostContext';
import { initI18n } from './i18n/i18n';
import { keepControlsPrivate } from './components/privateByDefault';
import './app/base.css';

async function start(): Promise<void> {
  keepControlsPrivate();
  const host = resolveHost(__APP_VERSION__);
  const settings = await host.call('settings.get', {});
  await initI18n(settings.language ?? pickUnLanguage(navigator.languages));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <App host={host} db={new PocDatabase()} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}

void start();
