import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { redactText } from '../secrets/index.ts'
import { listFiles } from './write-manifest.ts'

/**
 * The last line of defence before a run folder is sealed: every file in it (vitest's JUnit file, evidence, records
 * written by other writers) is scrubbed of every known secret in its echoed forms, and of what is a credential by its
 * shape (a Bearer token, URL userinfo, a private key block).
 */
export function scrubRunFolder(runDir: string): void {
  for (const file of listFiles(runDir)) {
    const absolute = path.join(runDir, file)
    const text = readFileSync(absolute, 'utf8')
    const scrubbed = redactText(text)
    if (scrubbed !== text) writeFileSync(absolute, scrubbed, { mode: 0o600 })
  }
}
