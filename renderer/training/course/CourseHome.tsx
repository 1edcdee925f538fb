import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesToBase64 } from '../../../shared/encoding/base64';
import { directionOf } from '../../../shared/i18n/languages';
import { COURSE_MODULES } from '../../../shared/training';
import { useHost } from '../../host/HostContext';
import { uiLanguage } from '../language';
import { courseProgress } from '../store';
import { useTrainingData } from '../useTraining';

/** POC 101: the modules with their progress, and the completion record as PDF. */
export function CourseHome() {
  const { t, i18n } = useTranslation('training');
  const host = useHost();
  const progress = useTrainingData(courseProgress);
  const [saved, setSaved] = useState<string | null>(null);
  const modules = progress.data?.modules ?? {};
  const completed = COURSE_MODULES.filter((m) => modules[m.id]?.completedAt).length;
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });

  const exportRecord = async () => {
    const [{ buildTrainingPdf }, { fontsFor }] = await Promise.all([
      import('../trainingPdf'),
      import('../../cases/pdfFonts'),
    ]);
    const title = t('course.recordTitle');
    const lines = [
      t('course.recordIntro'),
      '',
      ...COURSE_MODULES.map((m) => {
        const p = modules[m.id];
        const status = p?.completedAt
          ? t('course.completedOn', { date: date(p.completedAt) })
          : t('course.notCompleted');
        return `• ${t(`course.${m.id}.title`)} (${m.source}) — ${status} — ${t('course.score', { score: p?.bestScore ?? 0, total: m.answers.length })}`;
      }),
      '',
      t('course.progress', { done: completed, total: COURSE_MODULES.length }),
    ];
    const bytes = await buildTrainingPdf({
      title,
      lines,
      direction: directionOf(uiLanguage(i18n.language)),
      fonts: await fontsFor([title, ...lines].join('\n')),
    });
    const result = await host.call('files.save', {
      suggestedName: `poc-101-record-${new Date().toISOString().slice(0, 10)}.pdf`,
      mimeType: 'application/pdf',
      bytes: bytesToBase64(bytes),
    });
    if (result.saved) setSaved(t('course.recordSaved'));
  };

  return (
    <section aria-labelledby="course-title">
      <h3 id="course-title">{t('course.title')}</h3>
      <p>{t('course.intro')}</p>
      <p className="progress">{t('course.progress', { done: completed, total: COURSE_MODULES.length })}</p>
      <ol className="module-list" aria-label={t('course.modulesLabel')}>
        {COURSE_MODULES.map((m) => (
          <li key={m.id} className="training-card">
            <a href={`#/training/course/${m.id}`}>{t(`course.${m.id}.title`)}</a> ({m.source}) —{' '}
            {modules[m.id]?.completedAt
              ? t('course.completedOn', { date: date(modules[m.id]?.completedAt ?? '') })
              : t('course.notCompleted')}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void exportRecord()}>
        {t('course.exportRecord')}
      </button>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
