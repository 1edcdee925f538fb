import { describe, expect, it } from 'vitest';
import {
  A10_STATEMENT,
  FIELD_CODES,
  InquiryTemplateSchema,
  NATURES,
  SECTORS,
  TLP_LABELS,
  buildAcknowledgement,
  buildTemplate,
  fieldValue,
  fieldsFor,
  missingFields,
} from '../../../../shared/templates';
import { fullInquiry, sender } from './fixtures';

describe('template model v1', () => {
  it('accepts every field, each enumeration value, and keeps them', () => {
    const template = fullInquiry();
    expect(InquiryTemplateSchema.parse(template)).toEqual(template);
    for (const code of fieldsFor('request-information')) {
      expect(fieldValue(template, code), code).toBeDefined();
    }
    for (const nature of NATURES) {
      const statement = nature === 'acknowledgement' ? { statement: A10_STATEMENT } : {};
      expect(() => buildTemplate({ language: 'en', nature, sender, ...statement })).not.toThrow();
    }
    expect(() => fullInquiry({ incident: { sectors: [...SECTORS] } })).not.toThrow();
    for (const tlp of TLP_LABELS) expect(fullInquiry({ tlp }).tlp).toBe(tlp);
    expect(FIELD_CODES).toHaveLength(new Set(FIELD_CODES).size);
  });

  it('can be sent with only the sender identity and the nature; the rest is listed as missing', () => {
    const minimal = buildTemplate({ language: 'ru', nature: 'request-action', sender });
    expect(minimal.exercise).toBe(false);
    const missing = missingFields(minimal);
    expect(missing).toContain('incident.summary');
    expect(missing).toContain('indicators');
    expect(missing).toContain('channel.leadAgency');
    expect(missing).not.toContain('sender.name');
    expect(missing).not.toContain('nature');
    expect(missingFields(fullInquiry())).toEqual([]);
  });

  it('refuses a message without sender identity or nature, or with an invalid value', () => {
    expect(() =>
      buildTemplate({ language: 'en', nature: 'request-action', sender: { ...sender, name: '  ' } }),
    ).toThrow();
    // @ts-expect-error nature is required
    expect(() => buildTemplate({ language: 'en', sender })).toThrow();
    // @ts-expect-error not a TLP 2.0 label
    expect(() => fullInquiry({ tlp: 'WHITE' })).toThrow();
    expect(() => fullInquiry({ incident: { firstObservedAt: '2024-04-30T22:15:00+02:00' } })).toThrow();
  });

  it('puts the A §10 statement on every acknowledgement and refuses one without it', () => {
    const inquiry = fullInquiry();
    const ack = buildAcknowledgement(inquiry, { ...sender, state: 'XBB' }, 'en', {
      estimatedResponseHours: 48,
    });
    expect(ack).toMatchObject({
      nature: 'acknowledgement',
      statement: A10_STATEMENT,
      references: [inquiry.id],
      estimatedResponseHours: 48,
      tlp: 'AMBER',
    });
    expect(() => buildTemplate({ language: 'en', nature: 'acknowledgement', sender })).toThrow(/A §10/);
  });

  it('asks responses for the estimated response time and the answer, not inquiries', () => {
    expect(fieldsFor('acknowledgement')).toContain('estimatedResponseHours');
    expect(fieldsFor('request-information')).not.toContain('answer');
  });
});
