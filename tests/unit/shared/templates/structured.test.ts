import { describe, expect, it } from 'vitest';
import { readStructured, readStructuredJson } from '../../../../shared/templates';
import { fullInquiry } from './fixtures';

describe('reading a received JSON part', () => {
  it('reads a valid v1 template', () => {
    const template = fullInquiry();
    expect(readStructuredJson(JSON.stringify(template))).toEqual({ kind: 'template', template });
  });

  it('keeps the raw message of an unknown version', () => {
    const raw = { ...fullInquiry(), version: 2, newField: 'x' };
    expect(readStructured(raw)).toEqual({ kind: 'unknown-version', version: 2, raw });
  });

  it('reports a part that fails its schema, with where, and keeps it', () => {
    const raw = { ...fullInquiry(), tlp: 'PURPLE' };
    const reading = readStructured(raw);
    expect(reading.kind).toBe('invalid');
    if (reading.kind === 'invalid') {
      expect(reading.issues.join()).toContain('tlp');
      expect(reading.raw).toBe(raw);
    }
    expect(readStructuredJson('{not json').kind).toBe('invalid');
    expect(readStructured({ hello: 1 }).kind).toBe('not-a-template');
  });
});
