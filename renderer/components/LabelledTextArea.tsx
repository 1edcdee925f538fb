import { useId, type TextareaHTMLAttributes } from 'react';
import { PRIVATE_INPUT } from '../components/privateInput';

/**
 * A textarea with an explicit <label for>. Not wrapped in its label on purpose: React mirrors a
 * controlled textarea's value into its text content, so a wrapping label's text became
 * "Encrypted message-----BEGIN PGP MESSAGE…" once a message was pasted, and the field could no
 * longer be found by its label (the tamper step of the messages e2e hung on exactly that).
 * dir="auto": text in another script than the screen's (an English note in the Arabic UI) reads in
 * its own direction; a caller may still fix it (armoured OpenPGP text is always left to right).
 */
export function LabelledTextArea({
  label,
  className,
  ...props
}: { label: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={className ? `labelled-field ${className}` : 'labelled-field'}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} dir="auto" {...PRIVATE_INPUT} {...props} />
    </div>
  );
}
