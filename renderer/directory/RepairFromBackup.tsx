import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBytes } from '../../shared/encoding/base64';
import { BACKUP_FILE_EXTENSION } from '../../shared/vault/backup';
import { VaultError } from '../../shared/vault/errors';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { repairFromBackup } from '../vault/vaultOperations';
import { reloadDirectory } from './store';

/** Offered next to the "damaged entries" alert: replaces only damaged records from a backup of this vault. */
export function RepairFromBackup() {
  const { t } = useTranslation('directory');
  const { t: tv } = useTranslation('vault');
  const host = useHost();
  const session = useVaultSession();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const repair = () => {
    setMessage(null);
    host
      .call('files.open', {
        filters: [{ name: tv('backup.fileType'), extensions: [BACKUP_FILE_EXTENSION, 'json'] }],
        maxBytes: 64 * 1024 * 1024,
      })
      .then(async (picked) => {
        if (!picked) return;
        const repaired = await repairFromBackup(session, base64ToBytes(picked.bytes));
        setMessage({ ok: true, text: t('repair.done', { count: repaired.length }) });
        reloadDirectory(session);
      })
      .catch((e: unknown) =>
        setMessage({
          ok: false,
          text: e instanceof VaultError ? tv(`errors.${e.code}`) : tv('errors.generic'),
        }),
      );
  };
  return (
    <div>
      <button type="button" onClick={repair}>
        {t('repair.button')}
      </button>
      {message && (
        <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
