import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../shared/directory/demo/generateDemoDirectory';
import { putEntries } from '../directory/store';
import { useDirectory } from '../directory/useDirectory';
import { navigate } from '../navigation/navigation';
import { useVaultSession } from '../vault/session';

/**
 * The way out of the first run for a try-out: the fictional demo directory (ids 'demo-…', removed
 * at enrolment after the user confirms). The user can come back and enrol at any time.
 */
export function SkipToDemo({ onSkip }: { onSkip: () => Promise<unknown> }) {
  const { t } = useTranslation('firstrun');
  const { t: td } = useTranslation('directory');
  const session = useVaultSession();
  const directory = useDirectory();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const loaded = (directory.data?.entries.length ?? 0) > 0;

  const skip = () => {
    setBusy(true);
    setFailed(false);
    (loaded ? Promise.resolve() : putEntries(session, generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED })))
      .then(onSkip)
      .then(() => navigate('directory'))
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <aside className="notice stack first-run-skip" aria-labelledby="first-run-skip-title">
      <h3 id="first-run-skip-title">{t('skip.title')}</h3>
      <p>{t('skip.explain')}</p>
      <div>
        <button type="button" onClick={skip} disabled={busy}>
          {busy ? td('loading') : loaded ? t('skip.open') : td('empty.loadDemo')}
        </button>
      </div>
      {failed && (
        <p className="error" role="alert">
          {td('empty.failed')}
        </p>
      )}
    </aside>
  );
}
