import type { CaseRecord, Party } from '../../shared/cases';
import { bytesToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import type { UnLanguage } from '../../shared/i18n/languages';
import { composeMessage, sealMessage } from '../../shared/messages';
import { newTemplateId, renderTemplateTexts, type InquiryTemplate } from '../../shared/templates';
import { appendToCase } from '../cases/store';
import { getEntry, listEntriesOfState } from '../directory/store';
import type { PointOfContact } from '../../shared/directory/model';
import { loadOwnIdentity, loadOwnSigningKey } from '../identity/ownIdentity';
import { parseKeyCached } from '../messages/keyring';
import { storeMessage } from '../messages/messageStore';
import type { VaultSession } from '../vault/session';

/** Without a directory id for the other party: its State's one entry of that role that has a key, if only one has. */
async function onlyKeyedEntry(session: VaultSession, party: Party): Promise<PointOfContact | undefined> {
  const { entries } = await listEntriesOfState(session, party.state);
  const keyed = entries.filter((entry) => entry.role === party.role && entry.openpgp);
  return keyed.length === 1 ? keyed[0] : undefined;
}

/**
 * Sends an acknowledgement or a response: rendered in the UI language and English, sealed with
 * OpenPGP when an own identity and the counterpart's key exist, and always recorded in the case.
 */
export async function sendResponse(options: {
  session: VaultSession;
  host: HostClient;
  record: CaseRecord;
  counterpart: Party;
  self: Party;
  template: InquiryTemplate;
  language: UnLanguage;
}): Promise<{ sealed: boolean }> {
  const { session, host, record, counterpart, self, template, language } = options;
  const text = renderTemplateTexts(template, [language, 'en']);
  let sealed = false;
  const identity = await loadOwnIdentity(session);
  const signingKey = identity ? await loadOwnSigningKey(session) : null;
  const entry = (counterpart.pocId ? await getEntry(session, counterpart.pocId) : undefined) ?? (await onlyKeyedEntry(session, counterpart));
  const key = entry?.openpgp ? await parseKeyCached(entry.openpgp.publicKey) : null;
  if (identity && signingKey && entry?.openpgp && key) {
    const { mime, payload } = composeMessage({
      text,
      structured: template,
      kind: template.nature,
      language,
      sender: { fingerprint: identity.fingerprint, state: self.state, role: self.role },
      recipients: [{ fingerprint: entry.openpgp.fingerprint, pocId: entry.id, state: entry.state, role: entry.role }],
      id: template.id,
      ...(template.references?.[0] ? { inReplyTo: template.references[0] } : {}),
    });
    const armored = await sealMessage({ mime, recipientKeys: [key], senderKey: signingKey });
    await host.call('files.save', { suggestedName: `message-${newTemplateId().slice(0, 8)}.asc`, mimeType: 'application/pgp-encrypted', bytes: bytesToBase64(new TextEncoder().encode(armored)) });
    await storeMessage(session, { id: payload.id, direction: 'out', conversationIds: [], at: template.createdAt, text, payload, armored }, [{ pocId: entry.id, state: entry.state, role: entry.role }]);
    sealed = true;
  }
  await appendToCase(session, record.id, [
    {
      kind: 'message',
      at: template.createdAt,
      direction: 'out',
      messageId: template.id,
      nature: template.nature,
      ...(template.tlp ? { tlp: template.tlp } : {}),
      ...(template.estimatedResponseHours ? { estimatedResponseHours: template.estimatedResponseHours } : {}),
      structured: template,
      text,
      textLanguage: language,
      from: self,
    },
  ]);
  return { sealed };
}
