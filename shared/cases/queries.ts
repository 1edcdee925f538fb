import type { PocRole } from '../directory/model';
import type { CaseStatus } from './model';
import { normaliseForSearch, type CaseSummary } from './state';

export interface CaseFilter {
  text?: string;
  statuses?: readonly CaseStatus[];
  exercise?: 'only' | 'exclude';
  role?: PocRole;
  state?: string;
}

/** Every word of the query must appear somewhere in the case (subject, counterpart, messages, notes). */
export function filterCases(cases: readonly CaseSummary[], filter: CaseFilter): CaseSummary[] {
  const words = normaliseForSearch(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return cases
    .filter((c) => !filter.statuses?.length || filter.statuses.includes(c.status))
    .filter((c) => filter.exercise !== 'only' || c.exercise)
    .filter((c) => filter.exercise !== 'exclude' || !c.exercise)
    .filter((c) => !filter.role || c.counterpart.role === filter.role)
    .filter((c) => !filter.state || c.counterpart.state === filter.state)
    .filter((c) => words.every((word) => c.searchText.includes(word)))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
}

export interface DueItem {
  summary: CaseSummary;
  dueAt: string;
  overdue: boolean;
  hoursLeft: number;
}

/** Cases with a deadline within the window (default 48 h), overdue first, then soonest first. */
export function dueSoon(cases: readonly CaseSummary[], now: Date, withinHours = 48): DueItem[] {
  const limit = now.getTime() + withinHours * 3_600_000;
  return cases
    .filter((c) => c.status !== 'closed' && c.deadline && Date.parse(c.deadline.dueAt) <= limit)
    .map((c) => {
      const due = Date.parse(c.deadline?.dueAt ?? '');
      return {
        summary: c,
        dueAt: c.deadline?.dueAt ?? '',
        overdue: due < now.getTime(),
        hoursLeft: Math.round((due - now.getTime()) / 360_000) / 10,
      };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
