// Lint fixture: shared/ must not import Node built-ins.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
