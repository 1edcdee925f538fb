// Lint fixture: shared/ must not import Dexie.
import { Dexie } from 'dexie';

export const Database = Dexie;
