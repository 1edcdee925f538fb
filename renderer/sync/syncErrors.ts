import type { TFunction } from 'i18next';
import { DEFAULT_MAX_FEED_AGE_MS } from '../../shared/sync/feedVerifier';
import type { SyncState } from '../../shared/sync/model';

/**
 * Translated text for a sync or registry error code, with a fallback for a code we do not know.
 * A refused text (issue 9 §2) also says which field and which character class, from `detail`.
 */
export function syncErrorText(t: TFunction<'sync'>, code: string, detail?: Record<string, string>): string {
  const text = t(`errors.${code}`, { defaultValue: t('errors.unknown') });
  if (code !== 'text-refused' || !detail?.policy) return text;
  const field = t(`fields.${detail.field ?? ''}`, { defaultValue: detail.field ?? '' });
  return `${text} ${t(`textPolicy.${detail.policy}`, { field, codePoint: detail.codePoint ?? '', defaultValue: '' })}`.trim();
}

/**
 * Issue 9 §3: when the directory may be out of date — the newest signed feed accepted is older than
 * the freshness bound by this device's clock, or the last attempt was refused as stale or
 * future-dated. Returns the date the directory is current as of, or null when it is fresh.
 */
export function outOfDateSince(state: SyncState | null | undefined, now = Date.now()): string | null {
  if (!state) return null;
  const bound = state.maxFeedAgeHours ? state.maxFeedAgeHours * 3600_000 : DEFAULT_MAX_FEED_AGE_MS;
  const refused = state.lastError?.code === 'stale-feed' || state.lastError?.code === 'feed-from-future';
  const since = state.lastIssuedAt ?? state.enrolledAt;
  if (refused || now - Date.parse(since) > bound) return since;
  return null;
}
