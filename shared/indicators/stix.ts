import type { Indicator, IndicatorKind } from '../templates/indicatorModel';
import { tlpMarking, TLP2_MARKING_IDS, type StixTlpMarking, type Tlp } from './tlp';

/**
 * Indicators out as a STIX 2.1 bundle (OASIS STIX 2.1, §4.6 Indicator, §7.2 Marking Definition,
 * §9 Patterning): one Indicator with a STIX pattern per observable, CVEs as Vulnerability objects,
 * the TLP as the standard TLP 2.0 marking definition on every object. Values are the real
 * (refanged) ones: a bundle is for tools, not for eyes; the screens keep showing them defanged.
 *
 *   const { bundle, skipped } = buildStixBundle({ title, indicators, tlp: 'AMBER', createdAt, newId });
 */
export interface IndicatorExportInput {
  /** What the indicators are about (the case subject); goes into names and descriptions. */
  title: string;
  indicators: readonly Indicator[];
  tlp?: Tlp | undefined;
  /** ISO time of the export. */
  createdAt: string;
  /** UUID source (crypto.randomUUID by default); injected so tests are reproducible. */
  newId?: () => string;
}

export interface StixIndicatorObject {
  type: 'indicator';
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  name: string;
  description: string;
  pattern: string;
  pattern_type: 'stix';
  pattern_version: '2.1';
  valid_from: string;
  object_marking_refs?: string[];
}

export interface StixVulnerabilityObject {
  type: 'vulnerability';
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  name: string;
  external_references: { source_name: 'cve'; external_id: string }[];
  object_marking_refs?: string[];
}

export type StixObject = StixIndicatorObject | StixVulnerabilityObject | StixTlpMarking;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Inside a pattern's single-quoted string, backslash and quote are escaped (STIX 2.1 §9.2). */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The STIX pattern for one indicator, or null when STIX has no observable for its kind. */
export function stixPattern(indicator: Indicator): string | null {
  const v = indicator.value;
  const patterns: Record<IndicatorKind, string | null> = {
    ipv4: `[ipv4-addr:value = ${quoted(v)}]`,
    'ipv4-cidr': `[ipv4-addr:value ISSUBSET ${quoted(v)}]`,
    ipv6: `[ipv6-addr:value = ${quoted(v)}]`,
    'ipv6-cidr': `[ipv6-addr:value ISSUBSET ${quoted(v)}]`,
    domain: `[domain-name:value = ${quoted(v)}]`,
    url: `[url:value = ${quoted(v)}]`,
    email: `[email-addr:value = ${quoted(v)}]`,
    md5: `[file:hashes.MD5 = ${quoted(v)}]`,
    sha1: `[file:hashes.'SHA-1' = ${quoted(v)}]`,
    sha256: `[file:hashes.'SHA-256' = ${quoted(v)}]`,
    asn: `[autonomous-system:number = ${Number(v.replace(/^AS/i, ''))}]`,
    cve: null,
    timestamp: null,
  };
  return patterns[indicator.kind];
}

function defaultId(): string {
  return globalThis.crypto.randomUUID();
}

export function buildStixBundle(input: IndicatorExportInput): { bundle: StixBundle; skipped: Indicator[] } {
  const newId = input.newId ?? defaultId;
  const created = new Date(input.createdAt).toISOString();
  const marking = input.tlp ? { object_marking_refs: [TLP2_MARKING_IDS[input.tlp]] } : {};
  const objects: StixObject[] = input.tlp ? [tlpMarking(input.tlp)] : [];
  const skipped: Indicator[] = [];
  for (const indicator of input.indicators) {
    if (indicator.kind === 'cve') {
      objects.push({
        type: 'vulnerability',
        spec_version: '2.1',
        id: `vulnerability--${newId()}`,
        created,
        modified: created,
        name: indicator.value,
        external_references: [{ source_name: 'cve', external_id: indicator.value }],
        ...marking,
      });
      continue;
    }
    const pattern = stixPattern(indicator);
    if (pattern === null) {
      // A timestamp is context, not an observable: reported to the user, not silently dropped.
      skipped.push(indicator);
      continue;
    }
    objects.push({
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${newId()}`,
      created,
      modified: created,
      name: `${indicator.kind}: ${indicator.value}`,
      description: input.title,
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: created,
      ...marking,
    });
  }
  return { bundle: { type: 'bundle', id: `bundle--${newId()}`, objects }, skipped };
}
