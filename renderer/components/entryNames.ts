import type { PointOfContact } from '../../shared/directory/model';

/** The name shown for a POC: the person when named, else the entity. */
export function entryDisplayName(entry: PointOfContact): string {
  return entry.text.personName ? `${entry.text.personName} — ${entry.text.entity}` : entry.text.entity;
}
