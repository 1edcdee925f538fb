import type { PocRole, PointOfContact } from '../directory/model';
import { CaseError } from './errors';
import type { CaseEventBody, Party } from './model';

/**
 * A §9 role rule: « les points de contact diplomatiques … avec les points de contact
 * diplomatiques, et les points de contact techniques avec les points de contact techniques ».
 * When a matter crosses roles, the app offers to hand it to the own State's POC of the other role.
 */

export const otherRole = (role: PocRole): PocRole => (role === 'technical' ? 'diplomatic' : 'technical');

/** The own State's entries of the given role (the people a matter can be handed to), sorted by name. */
export function handoverCandidates(
  entries: Iterable<PointOfContact>,
  self: Pick<Party, 'state'>,
  toRole: PocRole,
): PointOfContact[] {
  return [...entries]
    .filter((entry) => entry.state === self.state && entry.role === toRole)
    .sort((a, b) => entryLabel(a).localeCompare(entryLabel(b)));
}

export function entryLabel(entry: PointOfContact): string {
  return entry.english?.entity ?? entry.text.entity;
}

/**
 * The `handover` event naming the POC chosen. Refused (CaseError 'handover-not-allowed') when the
 * chosen entry is not of the own State, or is of the same role as the own POC: that would not be
 * a handover to "the own State's POC of the other role".
 */
export function handoverEvent(options: {
  at: string;
  self: Pick<Party, 'state' | 'role'>;
  to: PointOfContact;
  note?: string;
}): Extract<CaseEventBody, { kind: 'handover' }> {
  const { at, self, to } = options;
  if (to.state !== self.state || to.role === self.role)
    throw new CaseError('handover-not-allowed', `${to.state}/${to.role}`);
  const note = options.note?.trim();
  return {
    kind: 'handover',
    at,
    toRole: to.role,
    toPocId: to.id,
    to: { state: to.state, role: to.role, pocId: to.id, label: entryLabel(to).slice(0, 300) },
    ...(note ? { note: note.slice(0, 2_000) } : {}),
  };
}
