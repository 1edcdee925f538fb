/**
 * A passphrase strength estimate for the feedback under the "Create vault" form. Not a password
 * cracker's model (zxcvbn would add 800 kB of dictionaries): it estimates entropy from length and
 * the kinds of characters, then removes credit for what guessers try first — repeats, sequences,
 * keyboard rows and very common passwords. Words in any script count (Arabic, Cyrillic, Chinese).
 */
export type PassphraseStrength = 0 | 1 | 2 | 3 | 4;
export const MIN_PASSPHRASE_LENGTH = 12;
/** The weakest strength the vault accepts. */
export const MIN_PASSPHRASE_STRENGTH: PassphraseStrength = 2;

const COMMON = [
  'password',
  'passphrase',
  'motdepasse',
  'contrasena',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'dragon',
  'monkey',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'master',
  'secret',
  '123456',
  'пароль',
];
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'йцукенгшщзхъ',
];

export interface StrengthEstimate {
  score: PassphraseStrength;
  /** Rough bits of entropy after penalties. */
  bits: number;
  /** Why the score is low, as stable codes the UI translates (vault namespace, strength.hint.<code>). */
  hints: ('tooShort' | 'common' | 'repeats' | 'sequence' | 'addWords')[];
}

function alphabetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/\d/.test(text)) size += 10;
  if (/[^\p{L}\p{N}]/u.test(text)) size += 33;
  if (/[^\p{Script=Latin}\p{N}\p{P}\p{S}\s]/u.test(text)) size += 60; // letters of other scripts
  if (/\p{Script=Han}/u.test(text)) size += 2000;
  return Math.max(size, 10);
}

export function estimatePassphraseStrength(passphrase: string): StrengthEstimate {
  const chars = [...passphrase.normalize('NFC')];
  const hints: StrengthEstimate['hints'] = [];
  if (chars.length === 0) return { score: 0, bits: 0, hints: ['tooShort'] };
  let effective = chars.length;
  const lower = passphrase.toLowerCase();

  // Runs of the same character count once per run.
  const runs = lower.match(/(.)\1{2,}/gu) ?? [];
  if (runs.length) {
    hints.push('repeats');
    effective -= runs.reduce((n, run) => n + [...run].length - 1, 0);
  }
  for (const sequence of SEQUENCES) {
    for (let len = sequence.length; len >= 4; len--) {
      let found = false;
      for (let start = 0; start + len <= sequence.length; start++) {
        if (lower.includes(sequence.slice(start, start + len))) {
          effective -= len - 1;
          found = true;
          break;
        }
      }
      if (found) {
        if (!hints.includes('sequence')) hints.push('sequence');
        break;
      }
    }
  }
  const compact = lower.replace(/[^\p{L}\p{N}]/gu, '');
  for (const word of COMMON) {
    if (compact.includes(word)) {
      hints.push('common');
      effective -= [...word].length - 1;
    }
  }
  effective = Math.max(1, effective);
  const bits = Math.round(effective * Math.log2(alphabetSize(passphrase)));
  const words = passphrase.trim().split(/\s+/u).filter(Boolean).length;

  let score: PassphraseStrength = bits >= 90 ? 4 : bits >= 70 ? 3 : bits >= 50 ? 2 : bits >= 30 ? 1 : 0;
  // Twelve characters, unless fewer carry as much (a handful of Chinese characters does).
  if (chars.length < MIN_PASSPHRASE_LENGTH && bits < 70) {
    hints.unshift('tooShort');
    score = Math.min(score, 1) as PassphraseStrength;
  }
  if (score < 3 && words < 3) hints.push('addWords');
  return { score, bits, hints };
}

export function isPassphraseAcceptable(passphrase: string): boolean {
  return estimatePassphraseStrength(passphrase).score >= MIN_PASSPHRASE_STRENGTH;
}
