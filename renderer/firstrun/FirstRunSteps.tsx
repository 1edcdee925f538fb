import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/formats';
import './firstRunSteps.css';

/**
 * The guided first run (issue 11): passphrase → enrolment → own key → publication → first sync.
 * Shared by the vault gate (step 1, before any vault exists) and the onboarding area (the rest), so
 * the user always sees where they are and how much is left.
 */
export const FIRST_RUN_STEPS = ['passphrase', 'enrolment', 'ownKey', 'publish', 'firstSync'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

export function FirstRunSteps({ current }: { current: FirstRunStep | 'done' }) {
  const { t, i18n } = useTranslation('firstrun');
  const index = current === 'done' ? FIRST_RUN_STEPS.length : FIRST_RUN_STEPS.indexOf(current);
  return (
    <nav className="first-run-steps" aria-label={t('steps.label')}>
      <p className="first-run-position">
        {current === 'done'
          ? t('steps.done')
          : t('steps.position', {
              number: formatNumber(index + 1, i18n.language),
              total: formatNumber(FIRST_RUN_STEPS.length, i18n.language),
            })}
      </p>
      <ol>
        {FIRST_RUN_STEPS.map((step, i) => (
          <li
            key={step}
            aria-current={i === index ? 'step' : undefined}
            className={i < index ? 'passed' : i === index ? 'current' : undefined}
          >
            <span className="first-run-number" aria-hidden="true">
              {formatNumber(i + 1, i18n.language)}
            </span>{' '}
            {t(`steps.${step}`)}
            {i < index ? <span className="visually-hidden"> ({t('steps.passed')})</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
