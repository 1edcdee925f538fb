import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIndicators } from '../../shared/templates';
import { useTemplateLabels } from '../components/useTemplateLabels';
import { PRIVATE_INPUT } from '../components/privateInput';

/** Technical data pasted as text; every token is shown as accepted (normalised) or flagged. */
export function IndicatorInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation('inquiry');
  const { labels } = useTemplateLabels();
  const id = useId();
  const { results } = useMemo(() => parseIndicators(value), [value]);
  const invalid = results.filter((r) => !r.ok);
  return (
    <div className="field">
      <label htmlFor={id}>{labels.fields.indicators}</label>
      <p className="hint">{t('indicators.hint')}</p>
      <textarea
        id={id}
        rows={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        dir="ltr"
        {...PRIVATE_INPUT}
      />
      {results.length > 0 && (
        <ul className="indicator-list" aria-label={t('indicators.parsed')}>
          {results.map((result, index) =>
            result.ok ? (
              <li key={index} className="indicator ok">
                <span className="kind">{labels.indicatorKinds[result.indicator.kind]}</span>{' '}
                <code dir="ltr">{result.indicator.value}</code>
              </li>
            ) : (
              // A role on the <li> itself would stop it being a list item (axe `list`): the alert is inside.
              <li key={index} className="indicator invalid">
                <span role="alert">
                  <code dir="ltr">{result.input}</code> — {labels.indicatorProblems[result.problem]}
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {invalid.length > 0 && (
        <p className="warning">{t('indicators.invalidCount', { count: invalid.length })}</p>
      )}
    </div>
  );
}
