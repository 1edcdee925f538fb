import { renderIn } from '../../../support/renderIn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressView } from '../../../../renderer/training/group/FacilitatorProgress';
import type { ExerciseProgress } from '../../../../shared/registry/exercise';
import { builtinScenario } from '../../../../shared/training';

/** Germany acknowledged the T+10 indicators at 06:03:17 UTC, i.e. 07:03 in Paris. */
const progress: ExerciseProgress = {
  exerciseId: 'exercise-fictional-0001',
  scenario: builtinScenario('ransomware-port'),
  speed: 60,
  startedAt: '2026-12-01T06:00:00.000Z',
  stoppedAt: '2026-12-01T06:04:00.000Z',
  participants: [
    { state: 'FRA', role: 'technical', party: 'xaa-tech' },
    { state: 'DEU', role: 'technical', party: 'xbb-tech' },
  ],
  events: [
    {
      state: 'DEU',
      role: 'technical',
      party: 'xbb-tech',
      receivedAt: '2026-12-01T06:03:17.000Z',
      minute: 12,
      event: { kind: 'inject-acknowledged', injectId: 'i-indicators' },
    },
  ],
};

async function render(language: string): Promise<string> {
  return renderIn(language, <ProgressView progress={progress} />);
}

describe("the facilitator's progress table", () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Paris';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('gives the time an acknowledgement reached the registry with its time zone, as the rest of the app', async () => {
    const en = await render('en');
    expect(en).toMatch(/Acknowledged at T\+00:12 \(7:03\sAM GMT\+1\)/);
    expect(en).not.toContain('7:03:17');
    expect(await render('fr')).toMatch(/T\+00:12 \(07:03 UTC\+1\)/);
  });
});
