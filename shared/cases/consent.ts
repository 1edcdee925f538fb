import { CaseError } from './errors';
import { partyKey, type CaseRecord, type Party } from './model';

/**
 * A §11: « Les interlocuteurs participant à l'échange d'informations ne doivent partager les
 * informations en question avec des tiers qu'avec le consentement de toutes les parties
 * concernées. » The parties are the own POC, the counterpart named when the case opened, and
 * every POC a message came from. The latest consent record of each party counts.
 */
export function partiesOf(record: CaseRecord): Party[] {
  const parties = new Map<string, Party>();
  for (const { body } of record.events) {
    if (body.kind === 'opened') {
      parties.set(partyKey(body.self), body.self);
      parties.set(partyKey(body.counterpart), body.counterpart);
    } else if (body.kind === 'message' && body.direction === 'in' && !parties.has(partyKey(body.from))) {
      parties.set(partyKey(body.from), body.from);
    }
  }
  return [...parties.values()];
}

export type ConsentState = 'granted' | 'refused' | 'not-recorded';

export interface PartyConsent {
  party: Party;
  state: ConsentState;
  at?: string;
}

function covers(recorded: string | undefined, wanted: string | undefined): boolean {
  if (!recorded) return true; // consent to share with third parties in general
  return !!wanted && recorded.trim().toLocaleLowerCase() === wanted.trim().toLocaleLowerCase();
}

export function consentOf(record: CaseRecord, thirdParty?: string): PartyConsent[] {
  return partiesOf(record).map((party) => {
    let result: PartyConsent = { party, state: 'not-recorded' };
    for (const { body } of record.events) {
      if (body.kind !== 'consent' || partyKey(body.party) !== partyKey(party)) continue;
      if (!body.granted) result = { party, state: 'refused', at: body.at };
      else if (covers(body.thirdParty, thirdParty)) result = { party, state: 'granted', at: body.at };
    }
    return result;
  });
}

export function thirdPartyExportCheck(
  record: CaseRecord,
  thirdParty?: string,
): { allowed: boolean; lacking: PartyConsent[] } {
  const lacking = consentOf(record, thirdParty).filter((consent) => consent.state !== 'granted');
  return { allowed: lacking.length === 0, lacking };
}

/** Throws CaseError('consent-missing') naming the parties whose consent is not recorded. */
export function assertThirdPartyExportAllowed(record: CaseRecord, thirdParty?: string): void {
  const { allowed, lacking } = thirdPartyExportCheck(record, thirdParty);
  if (!allowed) throw new CaseError('consent-missing', lacking.map((c) => partyKey(c.party)).join(', '));
}
