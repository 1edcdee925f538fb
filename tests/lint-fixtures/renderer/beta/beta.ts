// Breaks the one-way rule on purpose: beta imports alpha and alpha imports beta.
import { alpha } from '../alpha/alpha';

export const beta = (): string => 'beta';
export const loop = (): string => alpha();
