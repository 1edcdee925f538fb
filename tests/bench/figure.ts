/** One measured figure of `npm run bench` (tests/bench/report.json). */
export interface Figure {
  /** Dotted by area, e.g. directory.search.p95. */
  name: string;
  value: number;
  unit: string;
  target?: number;
  better: 'lower' | 'higher';
  /** Optional context shown next to the figure (e.g. why a target is missed). */
  note?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function meetsTarget(figure: Figure): boolean | undefined {
  if (figure.target === undefined) return undefined;
  return figure.better === 'lower' ? figure.value <= figure.target : figure.value >= figure.target;
}
