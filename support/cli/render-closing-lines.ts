import path from 'node:path'
import type { ReadinessReport } from '../verdict/index.ts'

/**
 * The last lines of a run on stdout: the verdict with the gates that are not passing (or the waived checks of a
 * GO with waivers), where the report is, and `runbook: N passed, N failed, N skipped` counting checks, where
 * waived checks count as skipped: they were not proven and did not fail the run.
 */
export function renderClosingLines(report: ReadinessReport, runDir: string): string[] {
  const failed = report.gates.filter((gate) => gate.status === 'fail').map((gate) => gate.id)
  const unverified = report.gates.filter((gate) => gate.status === 'unverified').map((gate) => gate.id)
  const waived = report.gates.flatMap((gate) =>
    gate.checks.filter((check) => check.status === 'waived').map((check) => `${gate.id}/${check.id} (${check.waived?.ticket ?? 'waiver'})`),
  )
  const why = [
    failed.length ? `failed: ${failed.join(', ')}` : null,
    unverified.length ? `unverified: ${unverified.join(', ')}` : null,
    ...report.problems.map((problem) => problem.message),
  ].filter(Boolean)
  const verdict =
    report.verdict === 'GO'
      ? waived.length > 0
        ? `GO with waivers — waived: ${waived.join(', ')}`
        : 'GO'
      : `NO-GO — ${why.join('; ')}`
  return [
    verdict,
    `report: ${path.relative(process.cwd(), path.join(runDir, 'readiness_report.md'))}`,
    `runbook: ${report.counts.passed} passed, ${report.counts.failed} failed, ${report.counts.skipped + (report.counts.waived ?? 0)} skipped`,
  ]
}
