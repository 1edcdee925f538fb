import type { TFunction } from 'i18next';
import type { CampaignScope, CheckStatus, RoundTrip } from '../../shared/commcheck';

/** "42 s", "3 min 12 s", "5 h 07 min": a round-trip time in the user's language. */
export function formatDuration(t: TFunction<'commcheck'>, ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('duration.seconds', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { m: minutes, s: seconds % 60 });
  return t('duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** The round-trip with what it measures ("from hand-over to the reply's signature"). */
export function formatRoundTrip(t: TFunction<'commcheck'>, trip: RoundTrip | null): string {
  if (!trip) return '';
  if (trip.ms === null) return t('rtt.skew');
  return t('rtt.value', {
    duration: formatDuration(t, trip.ms),
    basis: t(`rtt.basis.${trip.startBasis}-${trip.endBasis}`),
  });
}

export function formatUtc(iso: string, language: string): string {
  return `${new Date(iso).toLocaleString(language, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`;
}

export function statusText(t: TFunction<'commcheck'>, status: CheckStatus): string {
  return t(`status.${status}`);
}

export function scopeText(
  t: TFunction<'commcheck'>,
  td: TFunction<'directory'>,
  scope: CampaignScope,
): string {
  if (scope.kind === 'regional') return t('scope.regional', { name: scope.name });
  if (scope.kind === 'un-group') return t('scope.un-group', { group: td(`group.${scope.group}`) });
  return t('scope.list');
}
