import { useTranslation } from 'react-i18next';
import { estimatePassphraseStrength } from '../../shared/vault/passphraseStrength';
import './vault.css';

/** Live strength feedback under a new-passphrase field (announced politely to screen readers). */
export function PassphraseStrengthMeter({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation('vault');
  if (!passphrase) return null;
  const { score, hints } = estimatePassphraseStrength(passphrase);
  return (
    <div className="strength" aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={t('strength.label')} />
      <span className={`strength-level level-${score}`}>
        {t('strength.label')}: {t(`strength.levels.${score}`)}
      </span>
      {hints.length > 0 && (
        <ul className="hint">
          {hints.map((hint) => (
            <li key={hint}>{t(`strength.hint.${hint}`)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
