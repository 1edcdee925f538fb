import type { PocRole } from './model';

/**
 * A §9: diplomatic points of contact talk to diplomatic ones, technical to technical. Writing across
 * roles is allowed only as a deliberate act: the sender confirms it, or hands the matter to the own
 * State's POC of the other role (recorded in the case). The inquiry wizard and Secure messages →
 * Write apply this one rule, with the sender's role taken from the enrolment (issue 9 §4).
 */
export interface CrossRoleChoice {
  confirmed: boolean;
  /** A recorded handover to the own State's POC of the recipient's role. */
  handedOver?: boolean;
}

/** The recipients whose role differs from the sender's (none when the sender's role is unknown). */
export function crossRoleRecipients<T extends { role: PocRole }>(
  ownRole: PocRole | null,
  recipients: readonly T[],
): T[] {
  if (!ownRole) return [];
  return recipients.filter((recipient) => recipient.role !== ownRole);
}

/** May the message go out? Same role always; across roles only with a confirmation or a handover. */
export function roleRuleAllows(
  ownRole: PocRole | null,
  recipients: readonly { role: PocRole }[],
  choice: CrossRoleChoice,
): boolean {
  if (crossRoleRecipients(ownRole, recipients).length === 0) return true;
  return choice.confirmed || choice.handedOver === true;
}
