import { describe, expect, it } from 'vitest';
import {
  allowedChannels,
  CrossDirectoryIndex,
  diffDirectories,
  regionalView,
  type RegionalEntry,
} from '../../../../shared/regional';

const entry = (key: string, patch: Partial<RegionalEntry> = {}): RegionalEntry => ({
  key,
  state: 'AUT',
  role: 'technical',
  entity: `Fictional entity ${key}`,
  emails: [`${key}@aut.example`],
  phones: [],
  ...patch,
});

describe('re-import diff', () => {
  it('lists added, changed (with the fields) and removed entries', () => {
    const before = [entry('a'), entry('b'), entry('c')];
    const after = [
      entry('a'),
      entry('b', { emails: ['new@aut.example'], personName: 'Someone' }),
      entry('d'),
    ];
    const diff = diffDirectories(before, after);
    expect(diff.added.map((e) => e.key)).toEqual(['d']);
    expect(diff.removed.map((e) => e.key)).toEqual(['c']);
    expect(diff.changed.map((c) => [c.after.key, c.fields])).toEqual([['b', ['personName', 'emails']]]);
    expect(diff.unchanged).toBe(1);
  });

  it('the order of e-mails does not count as a change', () => {
    const diff = diffDirectories(
      [entry('a', { emails: ['x@a.example', 'y@a.example'] })],
      [entry('a', { emails: ['y@a.example', 'x@a.example'] })],
    );
    expect(diff.changed).toEqual([]);
  });
});

describe('channel choice (A §12 a)', () => {
  const osce = {
    id: 'osce-demo',
    organisation: 'OSCE' as const,
    name: 'OSCE demo',
    memberStates: ['AUT', 'FRA', 'USA'],
    operational: true,
  };
  const oas = {
    id: 'oas-demo',
    organisation: 'OAS' as const,
    name: 'OAS demo',
    memberStates: ['USA', 'BRA'],
    operational: true,
  };

  it('both States in one organisation with an operational directory: global or that directory', () => {
    expect(allowedChannels('AUT', 'FRA', [osce, oas]).allowed).toEqual([
      { kind: 'global' },
      { kind: 'regional', directoryId: 'osce-demo', organisation: 'OSCE', name: 'OSCE demo' },
    ]);
  });

  it('not in the same organisation: the global directory only', () => {
    expect(allowedChannels('AUT', 'BRA', [osce, oas]).allowed).toEqual([{ kind: 'global' }]);
  });

  it('a directory that is not operational is not offered, but said', () => {
    const choice = allowedChannels('AUT', 'FRA', [{ ...osce, operational: false }]);
    expect(choice.allowed).toEqual([{ kind: 'global' }]);
    expect(choice.notOperational).toEqual([{ organisation: 'OSCE', name: 'OSCE demo' }]);
  });

  it('unknown own State: global only', () => {
    expect(allowedChannels('', 'FRA', [osce]).allowed).toEqual([{ kind: 'global' }]);
  });
});

describe('same POC across directories (A §12 b)', () => {
  it('matches by fingerprint, e-mail or phone and lists the fields that differ', () => {
    const a = regionalView(
      { id: 'osce' },
      entry('1', { emails: ['cert@aut.example'], fingerprint: 'A'.repeat(40) }),
    );
    const b = regionalView(
      { id: 'oas' },
      entry('x', { entity: 'Another name', emails: ['other@aut.example'], fingerprint: 'A'.repeat(40) }),
    );
    const c = regionalView(
      { id: 'eu' },
      entry('y', { emails: ['CERT@aut.example'.toLowerCase()], phones: ['+4312345678'] }),
    );
    const d = regionalView({ id: 'osce' }, entry('2', { emails: ['cert@aut.example'] }));
    const unrelated = regionalView({ id: 'eu' }, entry('z'));
    const index = new CrossDirectoryIndex([a, b, c, d, unrelated]);
    const matches = index.matchesOf(a);
    expect(matches.map((m) => [m.record.id, m.matchedBy, m.differences])).toEqual([
      ['x', ['fingerprint'], ['entity', 'emails']],
      ['y', ['email'], ['entity', 'phones', 'fingerprint']],
    ]);
  });
});
