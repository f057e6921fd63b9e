import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { ReadinessReport } from '../verdict/index.ts'
import { redactText } from '../secrets/index.ts'
import { gateStatuses } from './gate-changes.ts'

/** The NDJSON file of a watch's evaluations: `<reports>/watch/<session>.ndjson`. */
export function watchHistoryFile(reportsDir: string, session: string): string {
  return path.join(reportsDir, 'watch', `${session}.ndjson`)
}

/** Appends one line for an evaluation: when, verdict, gate statuses, duration, trigger, and its run folder if written. */
export function appendWatchHistory(file: string, report: ReadinessReport, durationMs: number, runDir: string | null): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const line = {
    time: report.finishedAt,
    verdict: report.verdict,
    gates: gateStatuses(report),
    durationMs,
    trigger: report.watch?.trigger ?? null,
    follow: report.watch?.follow ?? null,
    runId: report.runId,
    runDir,
  }
  appendFileSync(file, `${redactText(JSON.stringify(line))}\n`, { mode: 0o600 })
}
