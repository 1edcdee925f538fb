import { buildTemplate, type InquiryTemplate } from '../../../../shared/templates';

export const sender = {
  name: 'Amina Fictional',
  affiliation: 'CERT of Examplestan (fictional)',
  role: 'technical',
  state: 'XAA',
} as const;

/** Fictional data. A template with every field filled (fictional data). */
export function fullInquiry(overrides: Partial<InquiryTemplate> = {}): InquiryTemplate {
  return buildTemplate({
    id: 'inq00000001',
    createdAt: '2024-05-01T08:00:00.000Z',
    language: 'fr',
    exercise: false,
    nature: 'request-information',
    sender: { ...sender, title: 'Analyste principale' },
    contact: { email: 'cert@example.org', phone: '+41 22 000 00 00', other: 'Signal: fictional' },
    urgency: 'urgent',
    urgencyReason: 'Hôpitaux touchés',
    incident: {
      summary: 'Rançongiciel sur des hôpitaux',
      firstObservedAt: '2024-04-30T22:15:00.000Z',
      status: 'ongoing',
      sectors: ['health', 'energy'],
      impact: 'Services d’urgence ralentis',
    },
    indicators: [
      { kind: 'ipv4', value: '192.0.2.10' },
      { kind: 'url', value: 'http://c2.example.org/x' },
    ],
    request: 'Merci de nous dire si ces adresses sont connues.',
    channel: {
      preferred: 'openpgp-email',
      details: 'clé publiée dans le répertoire',
      leadAgency: 'CERT-XA (fictif)',
    },
    tlp: 'AMBER',
    thirdPartySharing: 'ask-first',
    references: ['earlier0001'],
    ...overrides,
  });
}
