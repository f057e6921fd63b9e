import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { RunProblem } from './compute-verdict.ts'
import { validateWaivers } from './validate-waivers.ts'
import type { Waiver } from './waiver-schema.ts'

/** The waivers a run starts with. */
export interface LoadedWaivers {
  /** The waivers file read, or `null` when there is none. */
  file: string | null
  waivers: Waiver[]
  problems: RunProblem[]
}

/**
 * Reads and validates the waivers file (`--waivers`, or `waivers.yaml` in the working folder when present).
 * An unreadable or unparsable file is a run problem (NO-GO), never a silently empty list.
 */
export function loadWaivers(file: string | null, now: Date): LoadedWaivers {
  if (file === null) return { file, waivers: [], problems: [] }
  let document: unknown
  try {
    document = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { file, waivers: [], problems: [{ severity: 'fail', message: `waiver rejected: ${file} cannot be read as YAML: ${reason}` }] }
  }
  return { file, ...validateWaivers(document, now, file) }
}
