import type { TFunction } from 'i18next';
import { bytesToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import { directionOf, type UnLanguage } from '../../shared/i18n/languages';
import type { ParticipantDebrief, Scenario } from '../../shared/training';
import { debriefLines } from './debriefText';

/**
 * The debrief as a PDF marked EXERCISE on every page, saved where the user chooses: the same for the
 * solo debrief and the facilitator's group debrief. The PDF code and fonts load only when asked for.
 * Returns whether the file was saved (false when the user cancelled the dialog).
 */
export async function saveDebriefPdf(
  host: HostClient,
  options: {
    scenario: Scenario;
    participants: readonly ParticipantDebrief[];
    t: TFunction;
    language: UnLanguage;
    fileStem: string;
  },
): Promise<boolean> {
  const { scenario, participants, t, language, fileStem } = options;
  const [{ buildTrainingPdf }, { fontsFor }] = await Promise.all([
    import('./trainingPdf'),
    import('../cases/pdfFonts'),
  ]);
  const title = t('debrief.pdfTitle');
  const lines = debriefLines(scenario, participants, t, language);
  const bytes = await buildTrainingPdf({
    title,
    lines,
    exerciseMark: t('exercise.banner'),
    direction: directionOf(language),
    fonts: await fontsFor([title, ...lines, t('exercise.banner')].join('\n')),
  });
  const result = await host.call('files.save', {
    suggestedName: `${fileStem}-${new Date().toISOString().slice(0, 10)}.pdf`,
    mimeType: 'application/pdf',
    bytes: bytesToBase64(bytes),
  });
  return result.saved;
}
