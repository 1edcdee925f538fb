// Lint fixture: renderer/ must not import electron.
import { ipcRenderer } from 'electron';

export const ipc = ipcRenderer;
