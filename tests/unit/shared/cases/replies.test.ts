import { describe, expect, it } from 'vitest';
import {
  appendEvents,
  openSteps,
  previousAgreement,
  type CaseEventBody,
  type CaseRecord,
} from '../../../../shared/cases';
import { buildAcknowledgement, buildTemplate, type Sender } from '../../../../shared/templates';

/** The response procedure offers only the steps still open and remembers what was agreed (issue 10). */
const them: Sender = {
  name: 'CERT-B (fictional)',
  affiliation: 'CERT-B (fictional)',
  role: 'technical',
  state: 'DEU',
};
const us: Sender = {
  name: 'CERT-A (fictional)',
  affiliation: 'CERT-A (fictional)',
  role: 'technical',
  state: 'FRA',
};
const inquiry = buildTemplate({
  language: 'en',
  exercise: false,
  nature: 'request-information',
  sender: them,
  channel: { preferred: 'openpgp-email', leadAgency: 'CERT-B (fictional)' },
});

const message = (template: typeof inquiry, direction: 'in' | 'out'): CaseEventBody => ({
  kind: 'message',
  at: template.createdAt,
  direction,
  messageId: template.id,
  nature: template.nature,
  structured: template,
  text: '(fictional)',
  from: { state: template.sender.state, role: template.sender.role },
});

async function caseWith(...bodies: CaseEventBody[]): Promise<CaseRecord> {
  return appendEvents({ id: 'case-fictional0001', events: [], head: null }, [
    {
      kind: 'opened',
      at: inquiry.createdAt,
      subject: 'Phishing (fictional)',
      origin: 'incoming',
      self: { state: 'FRA', role: 'technical' },
      counterpart: { state: 'DEU', role: 'technical' },
      exercise: false,
    },
    ...bodies,
  ]);
}

describe('response procedure', () => {
  it('offers acknowledging and answering on a fresh inquiry, with the channel it proposed', async () => {
    const record = await caseWith(message(inquiry, 'in'));
    expect(openSteps(record)).toEqual({ acknowledge: true, answer: true });
    expect(previousAgreement(record)).toEqual({
      preferred: 'openpgp-email',
      leadAgency: 'CERT-B (fictional)',
    });
  });

  it('no longer offers acknowledging once acknowledged; the own reply is what was last agreed', async () => {
    const ack = buildAcknowledgement(inquiry, us, 'en', {
      channel: { preferred: 'telephone', leadAgency: 'CERT-A (fictional)' },
    });
    const record = await caseWith(message(inquiry, 'in'), message(ack, 'out'));
    expect(openSteps(record)).toEqual({ acknowledge: false, answer: true });
    expect(previousAgreement(record)).toEqual({ preferred: 'telephone', leadAgency: 'CERT-A (fictional)' });
  });

  it('offers nothing once answered', async () => {
    const answer = buildTemplate({
      language: 'en',
      exercise: false,
      nature: 'response',
      sender: us,
      references: [inquiry.id],
      answer: 'Known (fictional).',
    });
    expect(openSteps(await caseWith(message(inquiry, 'in'), message(answer, 'out')))).toEqual({
      acknowledge: false,
      answer: false,
    });
  });
});
