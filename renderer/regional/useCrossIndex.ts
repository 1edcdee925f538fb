import { useMemo } from 'react';
import { CrossDirectoryIndex, globalView, regionalView, type PocRecordView } from '../../shared/regional';
import { useDirectory } from '../directory/useDirectory';
import { useRegionalDirectories } from './store';

/** Every record of the global and the regional directories, indexed for A §12 b matching. */
export function useCrossIndex(): { index: CrossDirectoryIndex; names: Map<string, string> } | null {
  const global = useDirectory();
  const regional = useRegionalDirectories();
  return useMemo(() => {
    if (!global.data || !regional.data) return null;
    const records: PocRecordView[] = global.data.entries.map(globalView);
    const names = new Map<string, string>();
    for (const directory of regional.data.directories) {
      names.set(directory.id, directory.name);
      for (const entry of directory.entries) records.push(regionalView(directory, entry));
    }
    return { index: new CrossDirectoryIndex(records), names };
  }, [global.data, regional.data]);
}
