import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../../../shared/training/builtin';
import { exerciseParticipantByKey } from '../../../../shared/training/groupExercise';
import { checkExerciseItems } from '../../../../shared/training/itemPolicy';
import { parseScenario, type Scenario } from '../../../../shared/training/scenario';

const ROOT = resolve(import.meta.dirname, '../../../..');
const load = (): Scenario =>
  parseScenario(JSON.parse(readFileSync(join(ROOT, 'resources/scenarios/data-leak.json'), 'utf8')));

describe('exercise items hold no confidential or real data (A §7 b)', () => {
  it('accepts the built-in scenarios as they are', () => {
    for (const scenario of builtinScenarios()) expect(checkExerciseItems(scenario)).toEqual([]);
  });

  it('names where a classification marking, a real address or a real domain was found', () => {
    const scenario = load();
    scenario.injects[0]!.text.ru = 'СЕКРЕТНО: вымышленный отчёт';
    scenario.injects[0]!.text.en = 'The fictional attacker stole a secret key.';
    scenario.injects[1]!.indicators = ['203.0.113.45', '2001:db8::1', '10:30:00', 'portal[.]ministry[.]gov'];
    scenario.injects[2]!.indicators = ['2a00:1450:4001::1'];
    scenario.briefing.en = 'TLP:RED fictional briefing';
    expect(checkExerciseItems(scenario)).toEqual([
      { code: 'classification-marking', path: 'briefing.en' },
      { code: 'classification-marking', path: 'injects.0.text.ru' },
      { code: 'real-domain', path: 'injects.1.indicators.3' },
      { code: 'real-address', path: 'injects.2.indicators.0' },
    ]);
  });

  it('refuses characters that disguise text (the directory text policy)', () => {
    const scenario = load();
    scenario.injects[0]!.text.ar = 'نص \u202Eمقلوب';
    expect(checkExerciseItems(scenario)).toEqual([{ code: 'bidi-control', path: 'injects.0.text.ar' }]);
  });
});

describe('group exercise messages go to participants only', () => {
  const feed = {
    participants: [
      { state: 'FRA', role: 'technical' as const, party: 'xaa-tech', fingerprints: ['A'.repeat(40)] },
      { state: 'DEU', role: 'technical' as const, party: 'xbb-tech', fingerprints: ['B'.repeat(40)] },
    ],
  };
  it('finds the participant by the key a message is encrypted to or signed with', () => {
    expect(exerciseParticipantByKey(feed, 'b'.repeat(40)).party).toBe('xbb-tech');
  });
  it('refuses any other key, also a missing one', () => {
    expect(() => exerciseParticipantByKey(feed, 'C'.repeat(40))).toThrow('recipient-outside-exercise');
    expect(() => exerciseParticipantByKey(feed, undefined)).toThrow('recipient-outside-exercise');
  });
});
