import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDebrief, Scenario } from '../../shared/training';
import { useHost } from '../host/HostContext';
import { saveDebriefPdf } from './debriefPdf';
import { uiLanguage } from './language';

/**
 * The "Export the debrief as PDF" button with what became of the export: the same on the solo
 * debrief and on the facilitator's group debrief. A cancelled dialog says nothing; a save that
 * failed says so (the debrief stays on screen, so trying again loses nothing).
 */
export function DebriefPdfExport({
  scenario,
  participants,
  fileStem,
}: {
  scenario: Scenario;
  participants: readonly ParticipantDebrief[];
  /** The suggested file name before its date, e.g. 'exercise-debrief'. */
  fileStem: string;
}) {
  const { t, i18n } = useTranslation('training');
  const host = useHost();
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);

  const exportPdf = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await saveDebriefPdf(host, {
        scenario,
        participants,
        t,
        language: uiLanguage(i18n.language),
        fileStem,
      });
      setOutcome(saved ? 'saved' : null);
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void exportPdf()}>
        {t('debrief.exportPdf')}
      </button>
      {outcome === 'saved' && <p role="status">{t('debrief.pdfSaved')}</p>}
      {outcome === 'failed' && <p role="alert">{t('debrief.pdfFailed')}</p>}
    </>
  );
}
