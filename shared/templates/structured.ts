import { InquiryTemplateSchema, TEMPLATE_SCHEMA, TEMPLATE_VERSION, type InquiryTemplate } from './model';

/**
 * Reading the JSON part of a received message. An unknown version or a part that fails its schema
 * never hides the message: the caller shows the human-readable text and keeps the raw JSON.
 */
export type StructuredReading =
  | { kind: 'template'; template: InquiryTemplate }
  | { kind: 'unknown-version'; version: unknown; raw: unknown }
  | { kind: 'invalid'; issues: string[]; raw: unknown }
  | { kind: 'not-a-template'; raw: unknown };

export function readStructured(raw: unknown): StructuredReading {
  if (raw === null || typeof raw !== 'object' || (raw as { schema?: unknown }).schema !== TEMPLATE_SCHEMA) {
    return { kind: 'not-a-template', raw };
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== TEMPLATE_VERSION) return { kind: 'unknown-version', version, raw };
  const parsed = InquiryTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      raw,
    };
  }
  return { kind: 'template', template: parsed.data };
}

/** Parses JSON text first; malformed JSON is reported as invalid, with the text kept. */
export function readStructuredJson(json: string): StructuredReading {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { kind: 'invalid', issues: ['not JSON'], raw: json };
  }
  return readStructured(raw);
}
