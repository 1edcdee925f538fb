import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  buildStixBundle,
  stixPattern,
  TLP2_MARKING_IDS,
  type StixObject,
} from '../../../../shared/indicators';
import { parseIndicators, defang } from '../../../../shared/templates/indicators';

const SCHEMAS = join(import.meta.dirname, '../../../fixtures/stix2.1');
const BUNDLE_ID =
  'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json';

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return schemaFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of schemaFiles(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  const validate = ajv.getSchema(BUNDLE_ID);
  if (!validate) throw new Error('bundle schema missing');
  return validate;
}

// Fictional indicators, pasted defanged as analysts do.
const PASTED = [
  'hxxps://login-update[.]example/path?q=1',
  '198.51.100.23',
  '203.0.113.0/24',
  '2001:db8::1',
  'malware-c2[.]example',
  'phisher[@]mail.example',
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'AS64500',
  'CVE-2026-12345',
  '2026-11-30T10:00Z',
].join('\n');
const { indicators } = parseIndicators(PASTED);
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

describe('STIX 2.1 export', () => {
  it('a bundle of every indicator kind validates against the STIX 2.1 schemas', () => {
    const { bundle, skipped } = buildStixBundle({
      title: 'Fictional phishing case',
      indicators,
      tlp: 'AMBER',
      createdAt: '2026-11-30T12:00:00Z',
      newId,
    });
    const validate = validator();
    expect(validate(bundle), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(bundle.objects.filter((o) => o.type === 'indicator')).toHaveLength(10);
    expect(bundle.objects.filter((o) => o.type === 'vulnerability')).toHaveLength(1);
    // A timestamp has no STIX observable: reported back, not silently dropped.
    expect(skipped.map((i) => i.kind)).toEqual(['timestamp']);
  });

  it('the schemas reject a broken bundle (the test can fail)', () => {
    const { bundle } = buildStixBundle({
      title: 'x',
      indicators,
      tlp: 'GREEN',
      createdAt: '2026-11-30T12:00:00Z',
      newId,
    });
    const validate = validator();
    const broken = {
      ...bundle,
      objects: bundle.objects.map((o) => (o.type === 'indicator' ? { ...o, valid_from: 'yesterday' } : o)),
    };
    expect(validate(broken)).toBe(false);
    const noPattern = {
      ...bundle,
      objects: bundle.objects.map((o: StixObject) =>
        o.type === 'indicator' ? { ...o, pattern: undefined } : o,
      ),
    };
    expect(validate(JSON.parse(JSON.stringify(noPattern)))).toBe(false);
  });

  it('the case TLP is the standard TLP 2.0 marking definition, referenced by every object', () => {
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const) {
      const { bundle } = buildStixBundle({
        title: 'x',
        indicators,
        tlp,
        createdAt: '2026-11-30T12:00:00Z',
        newId,
      });
      const markings = bundle.objects.filter((o) => o.type === 'marking-definition');
      expect(markings).toEqual([
        expect.objectContaining({
          id: TLP2_MARKING_IDS[tlp],
          name: `TLP:${tlp}`,
          extensions: {
            'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
              extension_type: 'property-extension',
              tlp_2_0: tlp.toLowerCase(),
            },
          },
        }),
      ]);
      for (const object of bundle.objects) {
        if (object.type !== 'marking-definition')
          expect(object.object_marking_refs).toEqual([TLP2_MARKING_IDS[tlp]]);
      }
    }
    expect(TLP2_MARKING_IDS.AMBER).toBe('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
  });

  it('patterns hold the real (refanged) values, while display stays defanged', () => {
    const url = indicators.find((i) => i.kind === 'url');
    expect(url && stixPattern(url)).toBe("[url:value = 'https://login-update.example/path?q=1']");
    expect(url && defang(url)).toBe('hxxps://login-update[.]example/path?q=1');
    const email = indicators.find((i) => i.kind === 'email');
    expect(email && stixPattern(email)).toBe("[email-addr:value = 'phisher@mail.example']");
    expect(
      stixPattern({
        kind: 'sha256',
        value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      }),
    ).toBe("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']");
    expect(stixPattern({ kind: 'ipv4-cidr', value: '203.0.113.0/24' })).toBe(
      "[ipv4-addr:value ISSUBSET '203.0.113.0/24']",
    );
    expect(stixPattern({ kind: 'asn', value: 'AS64500' })).toBe('[autonomous-system:number = 64500]');
    // Quotes and backslashes inside a value cannot break out of the pattern string.
    expect(stixPattern({ kind: 'url', value: "http://a.example/it's\\x" })).toBe(
      "[url:value = 'http://a.example/it\\'s\\\\x']",
    );
  });
});
