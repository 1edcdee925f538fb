import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseParticipants } from '../../../registry/admin/exerciseCommands';
import { CliUsageError, parseCliArgs } from '../../../registry/cliArgs';
import { parseScenario } from '../../../shared/training/scenario';

const ROOT = resolve(import.meta.dirname, '../../..');
const scenario = parseScenario(
  JSON.parse(readFileSync(join(ROOT, 'resources/scenarios/ransomware-port.json'), 'utf8')),
);

describe('admin exercise command line (issue 12)', () => {
  it('reads exercise create with its action, scenario, participants and speed', () => {
    const command = parseCliArgs([
      ...['admin', 'exercise', 'create', '--data', 'd', '--scenario', 'f.json'],
      ...['--participants', 'FRA:technical,DEU:technical', '--speed', '60'],
    ]);
    expect(command).toMatchObject({
      kind: 'admin',
      command: 'exercise',
      args: {
        action: 'create',
        scenario: 'f.json',
        participants: 'FRA:technical,DEU:technical',
        speed: '60',
      },
    });
    expect(() => parseCliArgs(['admin', 'exercise', '--data', 'd'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['admin', 'exercise', 'launch', '--data', 'd'])).toThrow(
      'admin exercise needs an action: create, list, stop',
    );
  });

  it('gives each STATE:ROLE a party of the same role, in order or as named', () => {
    expect(parseParticipants('FRA:technical, DEU:technical ,fra:diplomatic', scenario)).toEqual([
      { state: 'FRA', role: 'technical', party: 'xaa-tech' },
      { state: 'DEU', role: 'technical', party: 'xbb-tech' },
      { state: 'FRA', role: 'diplomatic', party: 'xaa-dipl' },
    ]);
    expect(parseParticipants('DEU:diplomatic=xbb-dipl', scenario)).toEqual([
      { state: 'DEU', role: 'diplomatic', party: 'xbb-dipl' },
    ]);
  });

  it('refuses a malformed, repeated or impossible participant with a message naming it', () => {
    expect(() => parseParticipants('France:technical', scenario)).toThrow(
      '"France:technical" is not STATE:ROLE',
    );
    expect(() => parseParticipants('FRA:technical,FRA:technical', scenario)).toThrow('named twice');
    expect(() => parseParticipants('FRA:technical,DEU:technical,ITA:technical', scenario)).toThrow(
      'no technical party left for ITA',
    );
    expect(() => parseParticipants('FRA:technical=xaa-dipl', scenario)).toThrow(
      'is diplomatic, not technical',
    );
  });
});
