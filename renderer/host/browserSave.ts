import { HostError } from '../../shared/host/dispatch';

/** The part of the File System Access API used here (not in TypeScript's DOM library yet). */
interface SaveFilePicker {
  (options: {
    suggestedName: string;
    types?: { description?: string; accept: Record<string, string[]> }[];
  }): Promise<{
    createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }>;
  }>;
}

const EXTENSION = /\.([a-z0-9]{1,8})$/i;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/i;

function pickerTypes(suggestedName: string, mimeType: string) {
  const extension = EXTENSION.exec(suggestedName)?.[1];
  return extension && MIME.test(mimeType) ? [{ accept: { [mimeType]: [`.${extension}`] } }] : undefined;
}

/**
 * Saves bytes the way the browser host can. Where the browser has a save dialog (Chromium's
 * `showSaveFilePicker`), the user picks the folder and a cancelled dialog is reported as
 * `saved: false`, so a message handed over "as .asc" is only marked handed over once the file is
 * written (issue 10). Elsewhere the bytes go to the downloads folder, which cannot report a cancel.
 */
export async function saveInBrowser(
  suggestedName: string,
  mimeType: string,
  bytes: Uint8Array<ArrayBuffer>,
  scope: Window = window,
): Promise<{ saved: boolean }> {
  const picker = (scope as Window & { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (typeof picker === 'function') {
    let handle;
    try {
      handle = await picker.call(scope, { suggestedName, types: pickerTypes(suggestedName, mimeType) });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return { saved: false };
      throw new HostError('failed', 'The save dialog could not be opened.');
    }
    try {
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
    } catch {
      throw new HostError('failed', 'The file could not be written.');
    }
    return { saved: true };
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const anchor = scope.document.createElement('a');
  anchor.href = url;
  anchor.download = suggestedName;
  anchor.rel = 'noopener';
  scope.document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true };
}
