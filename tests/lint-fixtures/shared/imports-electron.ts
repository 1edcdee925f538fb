// Lint fixture: shared/ must not import electron.
import { app } from 'electron';

export const electronApp = app;
