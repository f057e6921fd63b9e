import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { redactText, redactValue } from '../secrets/index.ts'
import { capEvidence } from './cap-evidence.ts'
import type { CheckMeta } from '../context/index.ts'

/** Records what a check observed, so a failed check keeps its evidence. */
export interface Evidence {
  /** Writes a JSON value (secrets redacted) and attaches it to the check; returns the path relative to the run folder. */
  json(name: string, value: unknown): string
  /** Writes a text body (secrets redacted) and attaches it to the check; returns the relative path. */
  text(name: string, body: string, extension?: string): string
  /** Adds structured values to the check's entry in `readiness_report.json`. */
  values(values: Record<string, unknown>): void
}

/**
 * Creates the evidence recorder of one check. Files go to `evidence/<gate>/<name>`; two checks that record
 * the same observation under the same name share one file.
 */
export function createEvidence(meta: CheckMeta, runDir: string, gateId: string): Evidence {
  const write = (fileName: string, content: string): string => {
    const relative = path.posix.join('evidence', gateId, fileName)
    const absolute = path.join(runDir, relative)
    mkdirSync(path.dirname(absolute), { recursive: true, mode: 0o700 })
    writeFileSync(absolute, capEvidence(content, fileName), { mode: 0o600 })
    meta.evidence = [...(meta.evidence ?? []), relative]
    return relative
  }
  return {
    json: (name, value) => write(`${safeName(name)}.json`, `${JSON.stringify(redactValue(value), null, 2)}\n`),
    text: (name, body, extension = 'txt') => write(`${safeName(name)}.${safeName(extension)}`, redactText(body)),
    values: (values) => {
      meta.values = { ...(meta.values ?? {}), ...(redactValue(values) as Record<string, unknown>) }
    },
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120) || 'evidence'
}
