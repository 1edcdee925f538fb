import type { z } from 'zod';
import type { TlpSchema } from '../templates/model';

export type Tlp = z.infer<typeof TlpSchema>;

/** From least to most restrictive (FIRST TLP 2.0). */
export const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** The most restrictive of several labels: an export never marks data lower than any part of it. */
export function strictestTlp(labels: readonly (Tlp | undefined)[]): Tlp | undefined {
  let best: Tlp | undefined;
  for (const label of labels) {
    if (label && (best === undefined || TLP_ORDER.indexOf(label) > TLP_ORDER.indexOf(best))) best = label;
  }
  return best;
}

/** The extension that defines TLP 2.0 markings in STIX 2.1 (OASIS cti-stix-common-objects). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/**
 * The standard TLP 2.0 marking-definition objects, with the fixed ids every STIX 2.1 tool knows
 * (OASIS cti-stix-common-objects, extension-definition-specifications/tlp-2.0). Never minted here.
 */
export const TLP2_MARKING_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export interface StixTlpMarking {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

export function tlpMarking(tlp: Tlp): StixTlpMarking {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/** The MISP taxonomy tag (taxonomy "tlp", which has clear and amber+strict since TLP 2.0). */
export function mispTlpTag(tlp: Tlp): string {
  return `tlp:${tlp.toLowerCase()}`;
}
