import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../shared/cases/model';
import { summarizeCase } from '../../shared/cases';
import { buildMispEvent, buildStixBundle, caseIndicators } from '../../shared/indicators';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';

/** File names reveal nothing about the case (they may end up in a shared folder or a mail). */
const fileName = (format: 'stix' | 'misp') =>
  `indicators-${format}-${new Date().toISOString().slice(0, 10)}.json`;

/**
 * Indicators of a case (or of one of its messages) out to the tools CERTs use: a STIX 2.1 bundle
 * and a MISP event, marked with the strictest TLP the messages carried. The files hold the real
 * values; the screens keep showing them defanged.
 */
export function IndicatorExport({ record }: { record: CaseRecord }) {
  const { t } = useTranslation('indicators');
  const host = useHost();
  const selectId = useId();
  const [messageId, setMessageId] = useState('');
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const messages = record.events.flatMap(({ seq, body }) =>
    body.kind === 'message' && (body.structured?.indicators?.length ?? 0) > 0
      ? [{ seq, messageId: body.messageId, at: body.at }]
      : [],
  );
  const { indicators, tlp } = caseIndicators(record, messageId || undefined);
  const title = summarizeCase(record)?.subject ?? t('untitled');

  const save = async (format: 'stix' | 'misp') => {
    setNotice(null);
    const input = { title, indicators, tlp, createdAt: new Date().toISOString() };
    try {
      let json: string;
      let skipped = 0;
      if (format === 'stix') {
        const built = buildStixBundle(input);
        json = JSON.stringify(built.bundle, null, 2);
        skipped = built.skipped.length;
      } else {
        json = JSON.stringify(buildMispEvent(input), null, 2);
      }
      const saved = await host.call('files.save', {
        suggestedName: fileName(format),
        mimeType: 'application/json',
        bytes: bytesToBase64(new TextEncoder().encode(json)),
      });
      if (!saved.saved) return;
      setNotice({
        kind: 'status',
        text: skipped
          ? t('savedSkipped', { n: indicators.length - skipped, skipped })
          : t('saved', { n: indicators.length }),
      });
    } catch {
      setNotice({ kind: 'alert', text: t('failed') });
    }
  };

  return (
    <section aria-labelledby="indicator-export-title" className="case-tools">
      <h3 id="indicator-export-title">{t('title')}</h3>
      {messages.length === 0 ? (
        <p className="hint">{t('none')}</p>
      ) : (
        <>
          <label htmlFor={selectId}>{t('scope')}</label>
          <select id={selectId} value={messageId} onChange={(e) => setMessageId(e.target.value)}>
            <option value="">{t('wholeCase')}</option>
            {messages.map((m) => (
              <option key={m.messageId} value={m.messageId}>
                {t('oneMessage', { seq: m.seq, at: m.at.slice(0, 16).replace('T', ' ') })}
              </option>
            ))}
          </select>
          <p className="hint">
            {tlp
              ? t('marking', { tlp: `TLP:${tlp}`, n: indicators.length })
              : t('noMarking', { n: indicators.length })}
          </p>
          <button type="button" onClick={() => void save('stix')}>
            {t('stix')}
          </button>
          <button type="button" onClick={() => void save('misp')}>
            {t('misp')}
          </button>
        </>
      )}
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
