import { useMemo } from 'react';
import { CrossDirectoryIndex, globalView, regionalView, type PocRecordView } from '../../shared/regional';
import type { PointOfContact } from '../../shared/directory/model';
import { useRegionalDirectories } from './store';

/**
 * Every record of the global and the regional directories, indexed for A §12 b matching. The global
 * entries are passed in by the directory screen (renderer/regional never imports renderer/directory).
 */
export function useCrossIndex(
  globalEntries: readonly PointOfContact[] | undefined,
): { index: CrossDirectoryIndex; names: Map<string, string> } | null {
  const regional = useRegionalDirectories();
  return useMemo(() => {
    if (!globalEntries || !regional.data) return null;
    const records: PocRecordView[] = globalEntries.map(globalView);
    const names = new Map<string, string>();
    for (const directory of regional.data.directories) {
      names.set(directory.id, directory.name);
      for (const entry of directory.entries) records.push(regionalView(directory, entry));
    }
    return { index: new CrossDirectoryIndex(records), names };
  }, [globalEntries, regional.data]);
}
