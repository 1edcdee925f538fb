import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/encoding/canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members, so key order on the wire does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'é' }, u: undefined })).toBe(
      '{"a":{"c":"é","d":[1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"x":2,"a":1}'))).toBe(canonicalJson({ a: 1, x: 2 }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
