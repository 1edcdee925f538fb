import type { Campaign } from '../../shared/commcheck';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { buildZip } from '../../shared/encoding/zip';
import type { HostClient } from '../../shared/host/client';
import { deliveryState, handoverFile } from '../../shared/outgoing/delivery';
import { getMessage } from '../messaging/messageStore';
import { recordHandovers } from '../outgoing/pipeline';
import type { VaultSession } from '../vault/session';

/**
 * Bulk hand-over of a campaign: every check not withdrawn, as one PGP/MIME .eml per recipient
 * (addressed to the directory e-mail, subject revealing nothing) in one .zip the user saves and
 * opens in their mail client. The hand-over is recorded on each check only when the file was saved.
 */
export async function saveChecksAsZip(
  session: VaultSession,
  host: HostClient,
  campaign: Campaign,
  now = new Date(),
): Promise<{ saved: boolean; count: number }> {
  const files = [];
  const ids: string[] = [];
  for (const check of campaign.checks) {
    const message = await getMessage(session, check.id);
    if (!message?.armored || deliveryState(message.delivery) === 'cancelled') continue;
    const file = handoverFile(
      { id: message.id, armored: message.armored, emails: message.emails ?? [] },
      'eml',
      now,
    );
    files.push({ name: file.suggestedName, bytes: new TextEncoder().encode(file.text) });
    ids.push(message.id);
  }
  if (!files.length) return { saved: false, count: 0 };
  const { saved } = await host.call('files.save', {
    suggestedName: `checks-${now.toISOString().slice(0, 10)}.zip`,
    mimeType: 'application/zip',
    bytes: bytesToBase64(buildZip(files, now)),
  });
  if (!saved) return { saved: false, count: 0 };
  await recordHandovers(session, ids, 'eml', now.toISOString());
  return { saved: true, count: ids.length };
}
