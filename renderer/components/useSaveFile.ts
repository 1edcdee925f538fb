import { useCallback, useState } from 'react';
import type { HostArg } from '../../shared/host/contract';
import { useHost } from '../host/HostContext';

/**
 * Saving through the host's dialog, with `saved` true only once the host reports the file written
 * (a cancelled dialog leaves it false), for a "File saved." that is never said untrue. Errors reach
 * the caller, as from host.call.
 */
export function useSaveFile() {
  const host = useHost();
  const [saved, setSaved] = useState(false);
  const save = useCallback(
    async (file: HostArg<'files.save'>) => {
      setSaved(false);
      setSaved((await host.call('files.save', file)).saved);
    },
    [host],
  );
  const forget = useCallback(() => setSaved(false), []);
  return { saved, save, forget };
}
