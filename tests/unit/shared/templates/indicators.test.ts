import { describe, expect, it } from 'vitest';
import { defang, parseIndicator, parseIndicators, refang } from '../../../../shared/templates/indicators';

const ok = (input: string) => {
  const result = parseIndicator(input);
  if (!result.ok) throw new Error(`${input} rejected: ${result.problem}`);
  return result.indicator;
};
const problem = (input: string) => {
  const result = parseIndicator(input);
  if (result.ok) throw new Error(`${input} accepted as ${result.indicator.kind}`);
  return result.problem;
};

describe('indicator parsing', () => {
  it('accepts IPv4 addresses and ranges, rejects bad octets and prefixes', () => {
    expect(ok('192.0.2.10')).toEqual({ kind: 'ipv4', value: '192.0.2.10' });
    expect(ok('198.51.100.0/24')).toEqual({ kind: 'ipv4-cidr', value: '198.51.100.0/24' });
    expect(problem('256.1.1.1')).toBe('ipv4');
    expect(problem('192.0.2.010')).toBe('ipv4');
    expect(problem('192.0.2')).toBe('ipv4');
    expect(problem('192.0.2.0/33')).toBe('cidr-prefix');
  });

  it('normalises IPv6 per RFC 5952, with ranges and embedded IPv4', () => {
    expect(ok('2001:0DB8:0000:0000:0000:0000:0000:0001')).toEqual({ kind: 'ipv6', value: '2001:db8::1' });
    expect(ok('2001:db8:0:0:1:0:0:1')).toEqual({ kind: 'ipv6', value: '2001:db8::1:0:0:1' });
    expect(ok('2001:db8::/32')).toEqual({ kind: 'ipv6-cidr', value: '2001:db8::/32' });
    expect(ok('::ffff:192.0.2.1')).toEqual({ kind: 'ipv6', value: '::ffff:c000:201' });
    expect(ok('[2001:db8::2]')).toEqual({ kind: 'ipv6', value: '2001:db8::2' });
    expect(ok('::')).toEqual({ kind: 'ipv6', value: '::' });
    expect(problem('2001:db8::1::2')).toBe('ipv6');
    expect(problem('2001:db8:1:2:3:4:5:6:7')).toBe('ipv6');
    expect(problem('2001:db8::/129')).toBe('cidr-prefix');
  });

  it('accepts defanged forms and stores them refanged', () => {
    expect(refang('hxxps://evil[.]example/path')).toEqual({
      text: 'https://evil.example/path',
      defanged: true,
    });
    expect(parseIndicator('hxxp://c2[.]example[.]org/x')).toMatchObject({
      ok: true,
      defanged: true,
      indicator: { kind: 'url', value: 'http://c2.example.org/x' },
    });
    expect(ok('malware(.)example')).toEqual({ kind: 'domain', value: 'malware.example' });
    expect(ok('192.0.2[.]44')).toEqual({ kind: 'ipv4', value: '192.0.2.44' });
    expect(ok('phish[@]mail[.]example')).toEqual({ kind: 'email', value: 'phish@mail.example' });
    expect(ok('Admin[at]Example[dot]ORG')).toEqual({ kind: 'email', value: 'Admin@example.org' });
  });

  it('reads domains (IDN to punycode), URLs and e-mail addresses', () => {
    expect(ok('Sub.Example.ORG.')).toEqual({ kind: 'domain', value: 'sub.example.org' });
    expect(ok('пример.example')).toEqual({ kind: 'domain', value: 'xn--e1afmkfd.example' });
    expect(ok('https://example.org/a?b=1')).toEqual({ kind: 'url', value: 'https://example.org/a?b=1' });
    expect(problem('javascript://example.org')).toBe('url');
    expect(problem('bad_label.example')).toBe('domain');
    expect(problem('user@@example.org')).toBe('email');
  });

  it('recognises hashes, CVE ids and AS numbers', () => {
    expect(ok('D41D8CD98F00B204E9800998ECF8427E')).toEqual({
      kind: 'md5',
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(ok('da39a3ee5e6b4b0d3255bfef95601890afd80709').kind).toBe('sha1');
    expect(ok('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855').kind).toBe('sha256');
    expect(ok('cve-2024-3094')).toEqual({ kind: 'cve', value: 'CVE-2024-3094' });
    expect(problem('CVE-24-1')).toBe('cve');
    expect(ok('AS64500')).toEqual({ kind: 'asn', value: 'AS64500' });
    expect(ok('asn4200000000')).toEqual({ kind: 'asn', value: 'AS4200000000' });
    expect(problem('AS4294967296')).toBe('asn-range');
  });

  it('requires a time zone on timestamps and normalises them to UTC', () => {
    expect(ok('2024-05-01T10:00:00+02:00')).toEqual({ kind: 'timestamp', value: '2024-05-01T08:00:00.000Z' });
    expect(ok('2024-05-01T10:00Z')).toEqual({ kind: 'timestamp', value: '2024-05-01T10:00:00.000Z' });
    expect(ok('2024-05-01T23:30:00-0500')).toEqual({ kind: 'timestamp', value: '2024-05-02T04:30:00.000Z' });
    expect(problem('2024-05-01T10:00:00')).toBe('timestamp-without-zone');
    expect(problem('2024-13-45T10:00Z')).toBe('timestamp');
  });

  it('never drops a token silently: every invalid one is reported, duplicates collapse', () => {
    const { indicators, results } = parseIndicators(
      '192.0.2.1, 192.0.2[.]1; not-an-indicator 999.1.1.1\nexample.org',
    );
    expect(indicators).toEqual([
      { kind: 'ipv4', value: '192.0.2.1' },
      { kind: 'domain', value: 'example.org' },
    ]);
    expect(results).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => r.input)).toEqual(['not-an-indicator', '999.1.1.1']);
  });

  it('defangs for display so nothing is clickable by accident', () => {
    expect(defang({ kind: 'url', value: 'https://evil.example/x' })).toBe('hxxps://evil[.]example/x');
    expect(defang({ kind: 'domain', value: 'c2.example.org' })).toBe('c2.example[.]org');
    expect(defang({ kind: 'sha1', value: 'abc' })).toBe('abc');
  });
});
