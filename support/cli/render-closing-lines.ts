import path from 'node:path'
import type { ReadinessReport } from '../report/readiness-report.ts'

/**
 * The last lines of a run on stdout: the verdict with the gates that are not passing,
 * where the report is, and `runbook: N passed, N failed, N skipped` counting checks.
 */
export function renderClosingLines(report: ReadinessReport, runDir: string): string[] {
  const failed = report.gates.filter((gate) => gate.status === 'fail').map((gate) => gate.id)
  const unverified = report.gates.filter((gate) => gate.status === 'unverified').map((gate) => gate.id)
  const why = [
    failed.length ? `failed: ${failed.join(', ')}` : null,
    unverified.length ? `unverified: ${unverified.join(', ')}` : null,
    ...report.problems.map((problem) => problem.message),
  ].filter(Boolean)
  return [
    report.verdict === 'GO' ? 'GO' : `NO-GO — ${why.join('; ')}`,
    `report: ${path.relative(process.cwd(), path.join(runDir, 'readiness_report.md'))}`,
    `runbook: ${report.counts.passed} passed, ${report.counts.failed} failed, ${report.counts.skipped} skipped`,
  ]
}
