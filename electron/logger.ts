/**
 * The main process's only printer (the lint rule allows console here and nowhere else in electron/).
 * Messages are about the shell itself: never settings values, file contents, keys or contacts.
 */
export const logger = {
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : '';
    console.error(`[poc-desk] ${message}${detail ? ` (${detail})` : ''}`);
  },
  warn(message: string): void {
    console.warn(`[poc-desk] ${message}`);
  },
};
