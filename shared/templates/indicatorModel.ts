import { z } from 'zod';

/** Kinds of technical data a template carries as structured indicators. */
export const INDICATOR_KINDS = [
  'ipv4',
  'ipv4-cidr',
  'ipv6',
  'ipv6-cidr',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'cve',
  'asn',
  'timestamp',
] as const;
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

/** A validated indicator in its normalised (refanged, canonical) form. */
export const IndicatorSchema = z.object({
  kind: IndicatorKindSchema,
  value: z.string().min(1).max(4096),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Why a piece of technical data was not accepted; shown next to it in the form. */
export const INDICATOR_PROBLEMS = [
  'ipv4',
  'ipv6',
  'cidr-prefix',
  'domain',
  'url',
  'email',
  'asn-range',
  'cve',
  'timestamp-without-zone',
  'timestamp',
  'unrecognised',
] as const;
export type IndicatorProblem = (typeof INDICATOR_PROBLEMS)[number];

export type IndicatorParse =
  | { ok: true; input: string; indicator: Indicator; defanged: boolean }
  | { ok: false; input: string; problem: IndicatorProblem };
