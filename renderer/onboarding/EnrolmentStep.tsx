import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../shared/registry/protocol';
import { RegistryError } from '../../shared/registry/errors';
import { enrolWithRegistry, fetchRegistryIdentity, groupFingerprint } from '../../shared/sync/enrolment';
import { SyncError } from '../../shared/sync/errors';
import { isAllowedRegistryUrl } from '../../shared/host/contract';
import { useHost } from '../host/HostContext';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { syncErrorText } from '../sync/syncErrors';
import { SYNC_QUERY_KEY, useSyncController, useSyncStatus } from '../sync/useSync';
import { useVaultSession } from '../vault/session';
import { CreateKeyInline } from './CreateKeyInline';
import { listTryOutDemoIds, removeTryOutDemo } from './demoEntries';
import type { FirstRunDraft } from './firstRunProgress';

export type DraftSaver = (draft: FirstRunDraft) => Promise<void>;

/** The local demo registry (build/scripts/demo-registry.mjs) when no registry address is set. */
export const DEMO_REGISTRY_URL = 'http://127.0.0.1:8787';

/**
 * Enrolment (A §7 c): registry address → the registry's fingerprint, to compare with what the
 * Permanent Mission received → the one-time code → the POC's public key is registered. Enrolment
 * registers a key, so a vault without one makes it here first (default Ed25519/Cv25519). Everything
 * typed is kept in the vault (the first-run draft) so that a reload loses nothing.
 */
export function EnrolmentStep({ draft, onDraft }: { draft: FirstRunDraft; onDraft: DraftSaver }) {
  const { t } = useTranslation('onboarding');
  const { t: ts } = useTranslation('sync');
  const session = useVaultSession();
  const host = useHost();
  const controller = useSyncController();
  const { data: status } = useSyncStatus();
  const { data: identity, isLoading } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'identity'],
    queryFn: () => loadOwnIdentity(session),
  });
  const { data: settings } = useQuery({
    queryKey: ['settings'],
    queryFn: () => host.call('settings.get', {}),
  });
  const [address, setAddress] = useState<string | null>(draft.registryUrl ?? null);
  const [info, setInfo] = useState<RegistryInfo | null>(draft.registry ?? null);
  const [confirmed, setConfirmed] = useState(draft.fingerprintCompared ?? false);
  const [code, setCode] = useState(draft.code ?? '');
  const [keyName, setKeyName] = useState(draft.keyName ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Try-out demo entries never mix with the registry's directory: enrolling removes them, once confirmed.
  const demo = useQuery({
    queryKey: ['try-out-demo'],
    queryFn: () => listTryOutDemoIds(session),
    enabled: status?.enrolled === false,
  });
  const demoCount = demo.data?.length ?? 0;
  const [removeDemo, setRemoveDemo] = useState(false);
  const url = address ?? settings?.registryUrl ?? DEMO_REGISTRY_URL;

  // Every change is sealed at once and written in turn (firstRunProgress.ts): no pause to wait for,
  // so a lock or a crash right after a keystroke keeps it.
  useEffect(() => {
    onDraft({
      keyName,
      ...(address !== null ? { registryUrl: address } : {}),
      ...(info ? { registry: info } : {}),
      fingerprintCompared: confirmed,
      code,
    }).catch(() => undefined);
  }, [keyName, address, info, confirmed, code, onDraft]);

  const explain = (e: unknown) =>
    setError(
      e instanceof SyncError || e instanceof RegistryError
        ? syncErrorText(ts, e.code)
        : syncErrorText(ts, 'unknown'),
    );

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setInfo(null);
    setConfirmed(false);
    if (!isAllowedRegistryUrl(url)) return setError(t('insecureAddress'));
    setBusy(true);
    try {
      setInfo(await fetchRegistryIdentity(controller.client(url)));
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const enrol = async (event: FormEvent) => {
    event.preventDefault();
    if (!info || !identity) return;
    setError(null);
    setBusy(true);
    try {
      const state = await enrolWithRegistry({
        client: controller.client(url),
        confirmed: info,
        code,
        ownPublicKey: identity.publicKeyArmored,
      });
      if (demoCount > 0) await removeTryOutDemo(session);
      await controller.enrolled(state);
      // The one-time code is spent: it leaves the draft.
      await onDraft({ keyName, registryUrl: url });
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="enrolment-step-title">
      <h3 id="enrolment-step-title">{t('title')}</h3>
      <p>{t('intro')}</p>
      {!isLoading && !identity ? <CreateKeyInline name={keyName} onNameChange={setKeyName} /> : null}
      <form className="enrolment" onSubmit={(e) => void lookUp(e)}>
        <label htmlFor="registry-address">
          {t('registryAddress')}
          <input
            id="registry-address"
            type="url"
            required
            value={url}
            onChange={(e) => setAddress(e.target.value)}
            dir="ltr"
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('fetchFingerprint')}
        </button>
      </form>
      {info ? (
        <form className="enrolment" onSubmit={(e) => void enrol(e)}>
          <p>{t('compare')}</p>
          <p className="fingerprint" data-testid="registry-fingerprint">
            {groupFingerprint(info.fingerprint)}
          </p>
          <label className="checkbox" htmlFor="fingerprint-confirmed">
            <input
              id="fingerprint-confirmed"
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            {t('confirmFingerprint')}
          </label>
          <label htmlFor="enrolment-code">
            {t('code')}
            <input
              id="enrolment-code"
              type="text"
              required
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              dir="ltr"
            />
          </label>
          {demoCount > 0 && (
            <label className="checkbox" htmlFor="remove-demo">
              <input
                id="remove-demo"
                type="checkbox"
                checked={removeDemo}
                onChange={(e) => setRemoveDemo(e.target.checked)}
              />
              {t('removeDemo', { number: demoCount })}
            </label>
          )}
          <button
            type="submit"
            disabled={
              busy || !confirmed || !identity || code.trim().length < 8 || (demoCount > 0 && !removeDemo)
            }
          >
            {t('enrol')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="sync-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
