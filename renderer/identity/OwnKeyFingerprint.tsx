import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { fingerprintGroups, fingerprintQrPayload } from '../../shared/openpgp/fingerprint';
import './ownKeyFingerprint.css';

/** A fingerprint in groups of four hex digits, left to right in every language (read aloud group by group). */
export function FingerprintGroups({ fingerprint, label }: { fingerprint: string; label: string }) {
  return (
    <p className="fingerprint" aria-label={label} dir="ltr">
      {fingerprintGroups(fingerprint).map((group, i) => (
        <span key={i} className="fingerprint-group">
          {group}
        </span>
      ))}
    </p>
  );
}

/**
 * The own key as it is given to correspondents, the same in the first run and under My keys: the
 * fingerprint in groups of four and as a QR code (OPENPGP4FPR:, what OpenKeychain and other apps
 * scan), so that they can check it by a second channel before trusting a message (A §7 b).
 */
export function OwnKeyFingerprint({
  fingerprint,
  label,
  qrAlt,
}: {
  fingerprint: string;
  /** The accessible name of the fingerprint. */
  label: string;
  qrAlt: string;
}) {
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(fingerprintQrPayload(fingerprint), { margin: 1, width: 192 })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [fingerprint]);

  return (
    <div className="own-key-fingerprint stack">
      <FingerprintGroups fingerprint={fingerprint} label={label} />
      {qr && <img className="fingerprint-qr" src={qr} alt={qrAlt} width={192} height={192} />}
    </div>
  );
}
