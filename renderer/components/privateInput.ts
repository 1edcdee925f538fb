/**
 * Attributes for every input that can hold personal or case data (issue 9 §5; ARCHITECTURE.md
 * "Data at rest"). autocomplete="off" keeps Chromium from copying the value into its autofill
 * database (`Web Data`) and, for text controls, from saving it with the page state that session
 * restore writes to `Sessions/*`; no spellcheck, so no word of it reaches a spelling service or
 * the custom dictionary. Spread into the element: `<input {...PRIVATE_INPUT} … />`.
 */
export const PRIVATE_INPUT = {
  autoComplete: 'off',
  spellCheck: false,
  autoCorrect: 'off',
  autoCapitalize: 'off',
} as const;

/** A passphrase being chosen: password managers must not fill it, and it is never spellchecked. */
export const NEW_PASSPHRASE_INPUT = { autoComplete: 'new-password', spellCheck: false } as const;

/** The passphrase that unlocks the vault. */
export const CURRENT_PASSPHRASE_INPUT = { autoComplete: 'current-password', spellCheck: false } as const;
