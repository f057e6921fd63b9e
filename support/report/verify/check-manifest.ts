import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { SIGNATURE_FILE } from '../manifest-signature.ts'
import { MANIFEST_FILE } from '../write-manifest.ts'

/**
 * Re-checks a run folder against its `manifest.sha256`: every line well formed, every listed file present with the
 * same SHA-256, and no file (or link, or other entry) in the folder that the manifest does not list.
 * Returns one sentence per discrepancy; an empty list means intact.
 */
export function checkManifest(runDir: string): { discrepancies: string[]; files: number } {
  const manifestPath = path.join(runDir, MANIFEST_FILE)
  if (!existsSync(manifestPath)) return { discrepancies: [`${MANIFEST_FILE} is missing, so nothing in the folder can be trusted`], files: 0 }
  const discrepancies: string[] = []
  const listed = new Map<string, string>()
  readFileSync(manifestPath, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line === '') return
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line)
      const file = match?.[2]
      if (!match || !file) return discrepancies.push(`${MANIFEST_FILE} line ${index + 1} is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 120))}`)
      if (path.isAbsolute(file) || file.split('/').some((part) => part === '..' || part === '.' || part === '')) {
        return discrepancies.push(`${MANIFEST_FILE} line ${index + 1} names a path outside the run folder: ${JSON.stringify(file)}`)
      }
      if (listed.has(file)) return discrepancies.push(`${MANIFEST_FILE} lists ${file} twice`)
      listed.set(file, match[1] as string)
    })

  for (const [file, expected] of listed) {
    const absolute = path.join(runDir, file)
    if (!existsSync(absolute)) {
      discrepancies.push(`${file}: listed in ${MANIFEST_FILE} but missing (deleted after the run)`)
    } else if (!lstatSync(absolute).isFile()) {
      discrepancies.push(`${file}: listed in ${MANIFEST_FILE} but not a regular file`)
    } else if (createHash('sha256').update(readFileSync(absolute)).digest('hex') !== expected) {
      discrepancies.push(`${file}: its SHA-256 does not match ${MANIFEST_FILE} (changed after the run)`)
    }
  }
  const present = listEntries(runDir)
  for (const entry of present) {
    if (entry.file === MANIFEST_FILE || entry.file === SIGNATURE_FILE || listed.has(entry.file)) continue
    discrepancies.push(
      entry.regular
        ? `${entry.file}: not listed in ${MANIFEST_FILE} (added after the run)`
        : `${entry.file}: not a regular file and not listed in ${MANIFEST_FILE} (added after the run)`,
    )
  }
  return { discrepancies, files: listed.size }
}

/** Every entry below a folder except folders, links included, as sorted POSIX paths. */
function listEntries(root: string, prefix = ''): { file: string; regular: boolean }[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const file = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) return listEntries(root, file)
      return [{ file, regular: entry.isFile() }]
    })
    .sort((a, b) => a.file.localeCompare(b.file))
}
