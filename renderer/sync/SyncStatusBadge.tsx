/** Placeholder until the registry issue lands: shows nothing rather than a made-up status. */
export function SyncStatusBadge() {
  return null;
}
