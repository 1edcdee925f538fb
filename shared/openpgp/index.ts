/**
 * The OpenPGP crypto core (wrapping openpgp.js v6), pure TypeScript for Node and browsers.
 *
 * - keys: generateIdentity (Ed25519/Cv25519 v4 by default, RSA-4096 option), readPublicKeys (armoured
 *   or binary, several keys), readSecretKey (GnuPG exports), exportSecretKey (passphrase-protected),
 *   makeRevocationCertificate, renewKey.
 * - messageCrypto: encryptAndSign (to recipients + sender), decryptAndVerify (bounded input and
 *   decompressed size; every signature reported as valid / invalid / unknown-key).
 * - detached: signDetached / verifyDetached.
 * - fingerprint: grouping for reading aloud, QR payload (OPENPGP4FPR:).
 * - errors: OpenPgpError with a stable `code` (translated in the `messages` namespace).
 */
export * from './errors';
export * from './limits';
export * from './fingerprint';
export * from './keys';
export * from './keyInfo';
export * from './messageCrypto';
export * from './detached';
export * from './signedData';
export * from './fileSignature';
