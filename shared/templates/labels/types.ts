import type { PocRole } from '../../directory/model';
import type { UnLanguage } from '../../i18n/languages';
import type { IndicatorKind, IndicatorProblem } from '../indicatorModel';
import type { Channel, FieldCode, Nature, Sector, Urgency } from '../model';
import type { INCIDENT_STATUSES, THIRD_PARTY_SHARING } from '../model';

/**
 * The words of a rendered template in one language. shared/ cannot use i18next, so each of the six
 * UN languages has a plain table here; tests/unit/shared/templates checks every table is complete.
 * Placeholders are written {name} and filled by render.ts.
 */
export interface TemplateLabels {
  documentTitle: string;
  /** "{version}" */
  templateVersion: string;
  messageId: string;
  createdAt: string;
  notGiven: string;
  /** "{language}": marks free text written in another language than the reader's. */
  writtenIn: string;
  /** "{hours}" */
  hours: string;
  missingSummary: string;
  exerciseWatermark: string;
  /** A §10: acknowledging is not agreeing; notifying is not attributing. */
  statementA10: string;
  fields: Record<FieldCode, string>;
  natures: Record<Nature, string>;
  urgencies: Record<Urgency, string>;
  incidentStatuses: Record<(typeof INCIDENT_STATUSES)[number], string>;
  sectors: Record<Sector, string>;
  roles: Record<PocRole, string>;
  channels: Record<Channel, string>;
  thirdPartySharing: Record<(typeof THIRD_PARTY_SHARING)[number], string>;
  indicatorKinds: Record<IndicatorKind, string>;
  indicatorProblems: Record<IndicatorProblem, string>;
  languageNames: Record<UnLanguage, string>;
}
