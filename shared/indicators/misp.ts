import type { Indicator, IndicatorKind } from '../templates/indicatorModel';
import { mispTlpTag } from './tlp';
import type { IndicatorExportInput } from './stix';

/**
 * Indicators out as a MISP event (the JSON MISP's "Import from… MISP JSON" and its REST API take:
 * `{ "Event": { …, "Attribute": [ … ], "Tag": [ … ] } }`). Every indicator becomes one attribute of
 * the MISP type and category its core format defines; the TLP travels as the `tlp:` taxonomy tag.
 * Values are the real ones. Distribution "your organisation only" (0): sharing further is the
 * user's decision in MISP, never this export's.
 */
export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  comment: string;
  distribution: '5';
  timestamp: string;
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    threat_level_id: '4';
    analysis: '0';
    distribution: '0';
    published: false;
    Tag: { name: string }[];
    Attribute: MispAttribute[];
  };
}

const MISP_TYPES: Record<IndicatorKind, { type: string; category: string; toIds: boolean }> = {
  ipv4: { type: 'ip-dst', category: 'Network activity', toIds: true },
  'ipv4-cidr': { type: 'ip-dst', category: 'Network activity', toIds: true },
  ipv6: { type: 'ip-dst', category: 'Network activity', toIds: true },
  'ipv6-cidr': { type: 'ip-dst', category: 'Network activity', toIds: true },
  domain: { type: 'domain', category: 'Network activity', toIds: true },
  url: { type: 'url', category: 'Network activity', toIds: true },
  email: { type: 'email-src', category: 'Payload delivery', toIds: true },
  md5: { type: 'md5', category: 'Payload delivery', toIds: true },
  sha1: { type: 'sha1', category: 'Payload delivery', toIds: true },
  sha256: { type: 'sha256', category: 'Payload delivery', toIds: true },
  asn: { type: 'AS', category: 'Network activity', toIds: false },
  cve: { type: 'vulnerability', category: 'External analysis', toIds: false },
  timestamp: { type: 'datetime', category: 'Other', toIds: false },
};

function mispValue(indicator: Indicator): string {
  // MISP's AS type holds the number alone.
  return indicator.kind === 'asn' ? indicator.value.replace(/^AS/i, '') : indicator.value;
}

export function buildMispEvent(input: IndicatorExportInput): MispEvent {
  const newId = input.newId ?? (() => globalThis.crypto.randomUUID());
  const created = new Date(input.createdAt);
  const timestamp = String(Math.floor(created.getTime() / 1000));
  return {
    Event: {
      uuid: newId(),
      info: input.title,
      date: created.toISOString().slice(0, 10),
      timestamp,
      threat_level_id: '4',
      analysis: '0',
      distribution: '0',
      published: false,
      Tag: input.tlp ? [{ name: mispTlpTag(input.tlp) }] : [],
      Attribute: input.indicators.map((indicator) => {
        const mapping = MISP_TYPES[indicator.kind];
        return {
          uuid: newId(),
          type: mapping.type,
          category: mapping.category,
          value: mispValue(indicator),
          to_ids: mapping.toIds,
          comment: '',
          distribution: '5',
          timestamp,
        };
      }),
    },
  };
}
