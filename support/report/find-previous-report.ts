import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ReadinessReport } from '../verdict/index.ts'

/** At most this many earlier runs are read for the history. */
export const HISTORY_LIMIT = 30

/** A previous report larger than this is not read (a run folder is a few MB at most; anything bigger is not ours). */
const MAX_REPORT_BYTES = 32 * 1024 * 1024

/** A run id at the end of a folder name: `20261125T143000.123Z-cluster`, or `openbell-pre-open-<runId>` as CI names artifacts. */
const RUN_ID_AT_END = /(\d{8}T\d{6}(?:\.\d+)?Z-[a-z]+)$/

/** The earlier runs of one environment, newest first, and the ones that could not be read. */
export interface PreviousRuns {
  reports: ReadinessReport[]
  /** Earlier run folders that were skipped: their folder name and why. */
  skipped: { name: string; reason: string }[]
}

/**
 * The reports of the runs before `runId` in a folder of run folders: the folders whose name ends with a run id of
 * the same environment (an emulator run is never compared with a cluster run) that sorts before it, newest first,
 * at most `limit` of them read. A folder without a readable openbell report is skipped and named, never fatal.
 */
export function findPreviousReports(reportsDir: string, runId: string, limit: number = HISTORY_LIMIT): PreviousRuns {
  const env = runId.slice(runId.lastIndexOf('-'))
  let candidates: { name: string; id: string }[]
  try {
    candidates = readdirSync(reportsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ name: entry.name, id: RUN_ID_AT_END.exec(entry.name)?.[1] ?? '' }))
      .filter((entry) => entry.id !== '' && entry.id < runId && entry.id.endsWith(env))
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, limit)
  } catch {
    return { reports: [], skipped: [] }
  }
  const result: PreviousRuns = { reports: [], skipped: [] }
  for (const { name } of candidates) {
    const outcome = readReport(path.join(reportsDir, name, 'readiness_report.json'))
    if (typeof outcome === 'string') result.skipped.push({ name, reason: outcome })
    else result.reports.push(outcome)
  }
  return result
}

/**
 * The report of the run just before this one in the same reports folder, or `null` when there is none that can
 * be read; the comparison is then left out.
 */
export function findPreviousReport(reportsDir: string, runId: string): ReadinessReport | null {
  return findPreviousReports(reportsDir, runId).reports[0] ?? null
}

function readReport(file: string): ReadinessReport | string {
  try {
    const size = statSync(file).size
    if (size > MAX_REPORT_BYTES) return `readiness_report.json is ${size} bytes, more than the ${MAX_REPORT_BYTES} read`
    const report = JSON.parse(readFileSync(file, 'utf8')) as ReadinessReport
    if (report?.tool !== 'openbell' || !Array.isArray(report.gates)) return 'readiness_report.json is not an openbell report'
    return report
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'no readiness_report.json'
    return error instanceof SyntaxError ? 'readiness_report.json is not valid JSON' : `readiness_report.json cannot be read (${code ?? 'error'})`
  }
}
