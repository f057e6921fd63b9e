import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.ts'

/** The signature of `manifest.sha256`, beside it: `ed25519:<base64 signature over the manifest's exact bytes>`. */
export const SIGNATURE_FILE = 'manifest.sha256.sig'

const PREFIX = 'ed25519:'
const MAX_KEY_BYTES = 64 * 1024

/**
 * Reads an Ed25519 key (PEM) for signing (`private`) or verifying (`public`; a private key's public half is accepted
 * too).
 * @throws {UsageError} when the file is missing, not a regular file, or not an Ed25519 key of that kind.
 */
export function loadEd25519Key(file: string, kind: 'private' | 'public', flag: string): KeyObject {
  const stat = existsSync(file) ? statSync(file) : null
  const make = 'make one with `openssl genpkey -algorithm ed25519 -out openbell-signing.pem` and `openssl pkey -in openbell-signing.pem -pubout -out openbell-signing.pub`'
  if (stat === null || !stat.isFile() || stat.size > MAX_KEY_BYTES) {
    throw new UsageError(`${flag} ${JSON.stringify(file)} is not a key file (${stat === null ? 'missing' : 'not a regular file of a few hundred bytes'}); ${make}.`)
  }
  let key: KeyObject
  try {
    const pem = readFileSync(file)
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem)
  } catch (error) {
    throw new UsageError(`${flag} ${JSON.stringify(file)} is not a PEM ${kind} key (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ${make}.`)
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(`${flag} ${JSON.stringify(file)} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519; ${make}.`)
  }
  return key
}

let signingKey: KeyObject | null = null

/** Makes every manifest this process writes from now on signed with this key (`--sign-key`); `null` stops signing. */
export function useManifestSigningKey(key: KeyObject | null): void {
  signingKey = key
}

/**
 * Signs a freshly written manifest when a signing key is in use; otherwise removes a signature left by an earlier
 * sealing, which would no longer match.
 */
export function signManifestIfKeyed(manifestPath: string): void {
  const target = path.join(path.dirname(manifestPath), SIGNATURE_FILE)
  if (signingKey === null) {
    rmSync(target, { force: true })
    return
  }
  const signature = sign(null, readFileSync(manifestPath), signingKey)
  writeFileSync(target, `${PREFIX}${signature.toString('base64')}\n`, { mode: 0o600 })
}

/** What the signature check found. */
export interface SignatureCheck {
  /** Problems that make the folder NOT INTACT. */
  discrepancies: string[]
  /** What was (or was not) checked, for the operator. */
  note: string | null
}

/**
 * Checks `manifest.sha256.sig` against the manifest with the operator's public key. Without a key, a signed folder is
 * reported as "not checked"; with one, a missing or non-matching signature is a discrepancy.
 */
export function checkManifestSignature(runDir: string, manifestFile: string, key: KeyObject | null): SignatureCheck {
  const signaturePath = path.join(runDir, SIGNATURE_FILE)
  const signed = existsSync(signaturePath)
  if (key === null) {
    return { discrepancies: [], note: signed ? `${SIGNATURE_FILE} is present but the signature was not checked (give --key PUBLIC_KEY_FILE to check it)` : null }
  }
  if (!signed) return { discrepancies: [`${SIGNATURE_FILE} is missing, but --key was given: the folder is not signed`], note: null }
  const text = readFileSync(signaturePath, 'utf8').trim()
  const manifestPath = path.join(runDir, manifestFile)
  let valid = false
  try {
    valid = text.startsWith(PREFIX) && existsSync(manifestPath) && verify(null, readFileSync(manifestPath), key, Buffer.from(text.slice(PREFIX.length), 'base64'))
  } catch {
    valid = false
  }
  return valid
    ? { discrepancies: [], note: `${SIGNATURE_FILE} verifies with the given key` }
    : { discrepancies: [`${SIGNATURE_FILE} does not verify with the given key: ${manifestFile} was changed after signing, or signed with another key`], note: null }
}
