import type { ReadinessReport } from './readiness-report.ts'

const STATUS_MARK = { pass: '✅ pass', fail: '❌ fail', unverified: '⚠️ unverified', 'optional-not-run': '➖ not run (optional)' } as const

/** Renders `readiness_report.md`: the verdict first, one row per gate, then the reason of every check that did not pass. */
export function renderMarkdown(report: ReadinessReport): string {
  const lines: string[] = []
  lines.push(`# openbell readiness: **${report.verdict}**`, '')
  lines.push(`- run: \`${report.runId}\` (${report.env}), ${report.startedAt} → ${report.finishedAt}`)
  lines.push(`- exit code: ${report.exitCode}`)
  lines.push(`- namespace: \`${report.target.namespace}\`, kube context: \`${report.target.kubeContext ?? '-'}\`, server: \`${report.target.kubeServer ?? '-'}\` (${report.target.kubeServerVersion ?? 'version unknown'})`)
  lines.push(`- Firestore: project \`${report.target.firestoreProject ?? '-'}\`${report.target.firestoreEmulator ? `, emulator ${report.target.firestoreEmulator.backend} at ${report.target.firestoreEmulator.host}` : ''}; tenant \`${report.target.tenantId ?? '-'}\``)
  lines.push(`- session: ${report.target.session ?? '-'}`)
  if (report.authorization) lines.push(`- **execution authorized by:** ${escapeCell(report.authorization)}`)
  if (report.emulators?.scenario) lines.push(`- scenario: \`${report.emulators.scenario}\``)
  if (report.filtered) lines.push('- **filtered run**: only some gates or checks ran, so this run can never be GO')
  lines.push(`- checks: ${report.counts.passed} passed, ${report.counts.failed} failed, ${report.counts.skipped} not verified`, '')

  lines.push('| Gate | Status | Checks | Runbook |', '| --- | --- | --- | --- |')
  for (const gate of report.gates) {
    const passed = gate.checks.filter((check) => check.status === 'pass').length
    lines.push(`| \`${gate.id}\` ${escapeCell(gate.title)} | ${STATUS_MARK[gate.status]} | ${passed}/${gate.checks.length} | ${escapeCell(gate.runbookRef)} |`)
  }

  const findings = report.gates.flatMap((gate) => [
    ...(gate.reason ? [`- \`${gate.id}\`: ${escapeLine(gate.reason)}`] : []),
    ...gate.checks
      .filter((check) => check.status !== 'pass')
      .map((check) => `- \`${gate.id}/${check.id}\` ${STATUS_MARK[check.status]}: ${escapeLine(check.reason ?? '')}`),
  ])
  if (report.problems.length > 0 || findings.length > 0) {
    lines.push('', '## Why not GO', '')
    for (const problem of report.problems) lines.push(`- run ${problem.severity}: ${escapeLine(problem.message)}`)
    lines.push(...findings)
  }
  if (report.emulators) {
    lines.push('', '## Emulators', '')
    for (const [name, ms] of Object.entries(report.emulators.startupMs)) lines.push(`- ${name}: started in ${ms} ms`)
    for (const note of report.emulators.notes) lines.push(`- ${escapeLine(note)}`)
  }
  lines.push('', 'Evidence: `evidence/`; integrity: `sha256sum -c manifest.sha256`.', '')
  return lines.join('\n')
}

function escapeCell(text: string): string {
  return escapeLine(text).replace(/\|/g, '\\|')
}

function escapeLine(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}
