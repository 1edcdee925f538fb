import i18next from 'i18next';
import { allowedChannels, channelValue } from '../../shared/regional';
import { appendToCase } from '../cases/store';
import type { VaultSession } from '../vault/session';
import { listRegionalDirectories } from './store';

/**
 * Records in the case which directory the exchange went through (A §12 a), as a note in the
 * hash-chained log, in the user's language — only when there was a choice to make (both States in
 * an organisation with an operational regional directory). A value no longer allowed counts as global.
 */
export async function recordDirectoryChannel(
  session: VaultSession,
  caseId: string,
  draft: { state: string; recipientState: string; directoryChannel: string },
): Promise<void> {
  const { directories } = await listRegionalDirectories(session);
  const { allowed } = allowedChannels(
    draft.state.trim().toUpperCase(),
    draft.recipientState.trim().toUpperCase(),
    directories,
  );
  if (allowed.length < 2) return;
  const chosen = allowed.find((channel) => channelValue(channel) === draft.directoryChannel) ?? allowed[0];
  const text =
    chosen?.kind === 'regional'
      ? i18next.t('regional:channel.caseNoteRegional', { name: chosen.name })
      : i18next.t('regional:channel.caseNoteGlobal');
  await appendToCase(session, caseId, [{ kind: 'note', at: new Date().toISOString(), text }]);
}
