// Lint fixture: renderer/ must not import Node built-ins.
import { join } from 'node:path';

export const joinPath = join;
