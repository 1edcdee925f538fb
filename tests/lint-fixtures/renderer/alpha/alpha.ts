// Breaks the one-way rule on purpose: alpha imports beta and beta imports alpha.
import { beta } from '../beta/beta';

export const alpha = (): string => `alpha+${beta()}`;
