import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PocRole, PointOfContact } from '../../shared/directory/model';
import type { SyncState } from '../../shared/sync/model';
import { AddEntry, entriesStillAllowed } from './AddEntry';
import { stateName } from '../../shared/directory/stateNames';
import { randomKey } from '../../shared/sync/outbox';
import { directoryKeysLoaded, listEntriesOfState } from '../directory/store';
import { useVaultSession } from '../vault/session';
import { OwnEntryForm } from './OwnEntryForm';
import { SYNC_QUERY_KEY, useSyncController } from './useSync';
import { WithdrawEntry } from './WithdrawEntry';

/**
 * A §7 d: the own State's entries of the own role, editable; edits go through the signed outbox.
 * Issue 9 §1: the registry binds the account to its State AND role, so only those entries are offered.
 * Creating an entry is a right granted with the enrolment code: "Add an entry" is offered only with it.
 */
export function OwnEntries({
  ownState,
  ownRole,
  rights,
}: {
  ownState: string;
  ownRole: PocRole;
  rights: SyncState['rights'];
}) {
  const { t, i18n } = useTranslation('sync');
  const session = useVaultSession();
  const controller = useSyncController();
  const [editing, setEditing] = useState<{ entry: PointOfContact; isNew: boolean } | null>(null);
  const { data } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'ownEntries', ownState, ownRole],
    queryFn: async () => {
      const [{ entries }, outbox] = await Promise.all([
        listEntriesOfState(session, ownState),
        controller.store.listOutbox(),
        directoryKeysLoaded(session), // an edit republishes the entry, key included
      ]);
      const pending = new Set(
        outbox.flatMap((i) =>
          i.kind === 'entry-update' && i.status !== 'rejected' ? [i.request.statement.entry.id] : [],
        ),
      );
      const withdrawing = new Set(
        outbox.flatMap((i) =>
          i.kind === 'entry-withdraw' && i.status !== 'rejected' ? [i.request.statement.entryId] : [],
        ),
      );
      const creations = outbox.filter(
        (i) => i.kind === 'entry-update' && i.status !== 'rejected' && i.request.statement.baseRevision === 0,
      ).length;
      const own = entries.filter((e) => e.role === ownRole).sort((a, b) => a.id.localeCompare(b.id));
      return { entries: own, pending, withdrawing, creations };
    },
  });

  const startNew = () => {
    const now = new Date().toISOString();
    setEditing({
      isNew: true,
      entry: {
        id: `own-${randomKey()}`,
        state: ownState,
        role: ownRole,
        kind: 'entity',
        language: 'en',
        text: { entity: '' },
        phones: [],
        emails: [],
        workingLanguages: ['en'],
        regionalDirectories: [],
        revision: 0,
        updatedAt: now,
      },
    });
  };

  return (
    <section className="sync-section" aria-labelledby="own-entries-title">
      <h3 id="own-entries-title">{t('own.title', { state: stateName(ownState, i18n.language) })}</h3>
      <p>{t('own.explain')}</p>
      {editing ? (
        <OwnEntryForm
          key={editing.entry.id}
          entry={editing.entry}
          onCancel={() => setEditing(null)}
          onSubmit={async (entry) => {
            await controller.queueEntryUpdate(entry, editing.isNew ? 0 : editing.entry.revision);
            setEditing(null);
          }}
        />
      ) : (
        <>
          <ul className="sync-list">
            {data?.entries.map((entry) => (
              <li key={entry.id}>
                <p>
                  <strong lang={entry.language}>{entry.text.entity}</strong> — {t(`own.role.${entry.role}`)} ·{' '}
                  {t('own.revision', { revision: entry.revision })}
                  {data.pending.has(entry.id) ? ` · ${t('own.pending')}` : ''}
                </p>
                <button
                  type="button"
                  onClick={() => setEditing({ entry, isNew: false })}
                  aria-label={t('own.editNamed', { entity: entry.text.entity })}
                >
                  {t('own.edit')}
                </button>
                {entry.role === ownRole ? (
                  <WithdrawEntry entry={entry} pending={data.withdrawing.has(entry.id)} />
                ) : null}
              </li>
            ))}
          </ul>
          {data && data.entries.length === 0 ? <p>{t('own.none')}</p> : null}
          {data ? <AddEntry allowed={entriesStillAllowed(rights, data.creations)} onAdd={startNew} /> : null}
        </>
      )}
    </section>
  );
}
