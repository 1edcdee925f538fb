import { useId, type ReactNode } from 'react';
import { PRIVATE_INPUT } from '../components/privateInput';

/** Small labelled controls: every control has an accessible name (e2e tests find them by it). */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
  type?: string;
  hint?: string;
  dir?: 'ltr' | 'auto';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.multiline ? (
        <textarea
          id={id}
          rows={4}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          dir={props.dir ?? 'auto'}
          {...PRIVATE_INPUT}
        />
      ) : (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          dir={props.dir ?? 'auto'}
          {...PRIVATE_INPUT}
        />
      )}
    </div>
  );
}

/** A value the user sees but cannot change (e.g. own State and role from the enrolment). */
export function ReadOnlyField(props: { label: string; value: string; dir?: 'ltr' | 'auto' }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        readOnly
        aria-readonly="true"
        value={props.value}
        dir={props.dir ?? 'auto'}
        {...PRIVATE_INPUT}
      />
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  empty?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
