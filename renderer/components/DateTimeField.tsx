import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInputExample, formatDateTimeInput, parseDateTimeInput } from '../../shared/i18n/dateInput';
import { localTimeZone } from '../../shared/i18n/formats';

/**
 * A date-and-time field in the UI language's order, labelled with the expected format and the time
 * zone it is read in (Chromium's `datetime-local` shows the browser's `mm/dd/yyyy` whatever the UI
 * language). `value`/`onChange` carry wall-clock `YYYY-MM-DDTHH:mm`, as `datetime-local` did.
 * What the user typed stays in the field while it is not a date yet: nothing typed is lost.
 */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (wallClock: string) => void;
}) {
  const { t, i18n } = useTranslation('formats');
  const language = i18n.language;
  const id = useId();
  const [text, setText] = useState(() => formatDateTimeInput(props.value, language));
  const [invalid, setInvalid] = useState(false);

  // A value set from outside (cleared after submit, draft restored) or a language switch rewrites the
  // text; the value this field emitted itself does not (the user's own typing stays as typed).
  const [seen, setSeen] = useState({ value: props.value, language });
  if (seen.value !== props.value || seen.language !== language) {
    setSeen({ value: props.value, language });
    setText(formatDateTimeInput(props.value, language));
    setInvalid(false);
  }

  const change = (next: string) => {
    setText(next);
    const parsed = parseDateTimeInput(next, language);
    setInvalid(parsed === null);
    // While the text is not a date the value is empty (a form cannot submit a stale date).
    const emitted = parsed ?? '';
    if (emitted !== props.value) {
      setSeen({ value: emitted, language });
      props.onChange(emitted);
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-format`}>
        {t('dateTimeFormat', { example: dateTimeInputExample(language), zone: localTimeZone() })}
      </p>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-describedby={`${id}-format${invalid ? ` ${id}-error` : ''}`}
        aria-invalid={invalid || undefined}
        onChange={(e) => change(e.target.value)}
        dir="ltr"
      />
      {invalid && (
        <p className="error" id={`${id}-error`} role="alert">
          {t('invalidDateTime', { example: dateTimeInputExample(language) })}
        </p>
      )}
    </div>
  );
}
