import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../shared/host/contract';
import { useHost } from './HostContext';

const KEY = ['host', 'settings'] as const;

/** Non-secret settings from the host (electron-store in Electron, localStorage in the browser host). */
export function useSettings() {
  const host = useHost();
  return useQuery({ queryKey: KEY, queryFn: () => host.call('settings.get', {}) });
}

export function useUpdateSettings() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => host.call('settings.set', patch),
    onSuccess: (next: Settings) => client.setQueryData(KEY, next),
  });
}
