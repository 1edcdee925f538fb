import { deleteEntries, listEntries } from '../directory/store';
import type { VaultSession } from '../vault/session';

/**
 * The fictional entries "Load the demo directory" puts into a vault for a try-out all have ids
 * starting with 'demo-' (shared/directory/demo/generateDemoDirectory.ts). They must never mix with
 * the registry's real directory (issue 9 §6): enrolment removes them, after the user confirmed.
 * Checked only before enrolment: afterwards every entry comes from the registry's signed feed.
 */
export const DEMO_ID_PREFIX = 'demo-';

export async function listTryOutDemoIds(session: VaultSession): Promise<string[]> {
  const { entries } = await listEntries(session);
  return entries.filter((entry) => entry.id.startsWith(DEMO_ID_PREFIX)).map((entry) => entry.id);
}

/** Removes the try-out demo entries in one batch; returns how many were removed. */
export async function removeTryOutDemo(session: VaultSession): Promise<number> {
  const ids = await listTryOutDemoIds(session);
  if (ids.length) await deleteEntries(session, ids);
  return ids.length;
}
