import { appendEvents, type CaseEventBody, type CaseRecord, type Party } from '../../../../shared/cases';

/** Fictional parties. */
export const self: Party = { state: 'XAA', role: 'technical', label: 'CERT-A (fictional)' };
export const peer: Party = { state: 'XBB', role: 'technical', label: 'CERT-B (fictional)' };

export function opened(
  at = '2024-05-01T08:00:00.000Z',
  exercise = false,
  origin: 'outgoing' | 'incoming' = 'outgoing',
): CaseEventBody {
  return {
    kind: 'opened',
    at,
    subject: 'Rançongiciel — hôpitaux',
    origin,
    self,
    counterpart: peer,
    exercise,
  };
}

export function message(overrides: Partial<Extract<CaseEventBody, { kind: 'message' }>> = {}): CaseEventBody {
  return {
    kind: 'message',
    at: '2024-05-01T08:05:00.000Z',
    direction: 'out',
    messageId: `msg${Math.random().toString(36).slice(2, 12)}`,
    nature: 'request-information',
    urgency: 'urgent',
    text: 'Ransomware on hospitals, indicators 192.0.2.10',
    from: self,
    ...overrides,
  };
}

export async function caseWith(bodies: CaseEventBody[], id = 'case0000001'): Promise<CaseRecord> {
  return appendEvents({ id, events: [], head: null }, bodies);
}

export async function caseOf(count: number): Promise<CaseRecord> {
  const bodies: CaseEventBody[] = [opened()];
  for (let i = 1; i < count; i++)
    bodies.push({
      kind: 'note',
      at: new Date(Date.UTC(2024, 4, 1, 9, 0, i)).toISOString(),
      text: `Note ${i}`,
    });
  return caseWith(bodies);
}
