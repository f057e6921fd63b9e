import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SIGNATURE_FILE, signManifestIfKeyed } from './manifest-signature.ts'

/** The manifest's file name inside a run folder. */
export const MANIFEST_FILE = 'manifest.sha256'

/**
 * Writes `manifest.sha256` over every file of a run folder, sorted, in the format `sha256sum -c` verifies
 * (`<hex>  <relative path>`), and signs it into `manifest.sha256.sig` when a signing key is in use (`--sign-key`).
 */
export function writeManifest(runDir: string): string {
  const lines = listFiles(runDir)
    .filter((file) => file !== MANIFEST_FILE && file !== SIGNATURE_FILE)
    .map((file) => `${createHash('sha256').update(readFileSync(path.join(runDir, file))).digest('hex')}  ${file}`)
  const target = path.join(runDir, MANIFEST_FILE)
  writeFileSync(target, `${lines.join('\n')}\n`, { mode: 0o600 })
  signManifestIfKeyed(target)
  return target
}

/** Every regular file below a folder, as sorted POSIX paths relative to it. */
export function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) return listFiles(root, relative)
      return entry.isFile() ? [relative] : []
    })
    .sort()
}
