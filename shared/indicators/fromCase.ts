import type { CaseRecord } from '../cases/model';
import type { Indicator } from '../templates/indicatorModel';
import { strictestTlp, type Tlp } from './tlp';

export interface CaseIndicators {
  indicators: Indicator[];
  /** The strictest TLP any message of the case carried: the export is marked no lower. */
  tlp: Tlp | undefined;
}

/** Every indicator of a case's messages (sent and received), once each, in the order first seen. */
export function caseIndicators(record: CaseRecord, messageId?: string): CaseIndicators {
  const seen = new Set<string>();
  const indicators: Indicator[] = [];
  const labels: (Tlp | undefined)[] = [];
  for (const { body } of record.events) {
    if (body.kind !== 'message' || (messageId !== undefined && body.messageId !== messageId)) continue;
    labels.push(body.tlp, body.structured?.tlp);
    for (const indicator of body.structured?.indicators ?? []) {
      const key = `${indicator.kind}|${indicator.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      indicators.push(indicator);
    }
  }
  return { indicators, tlp: strictestTlp(labels) };
}
