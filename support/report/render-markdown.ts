import type { RunComparison } from './compare-runs.ts'
import { describeSession } from './describe-session.ts'
import { groupFindings } from './group-findings.ts'
import type { ReadinessReport } from '../verdict/index.ts'

const STATUS_MARK = {
  pass: '✅ pass',
  fail: '❌ fail',
  unverified: '⚠️ unverified',
  'optional-not-run': '➖ not run (optional)',
  waived: '🟡 waived',
} as const

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** What changed since the previous run in the same reports folder; the section is left out when absent. */
  comparison?: RunComparison | null
}

/**
 * Renders `readiness_report.md`: the verdict first, one row per gate, the reason of every check that did not pass,
 * the waivers, and what changed since the previous run.
 */
export function renderMarkdown(report: ReadinessReport, options: RenderMarkdownOptions = {}): string {
  const lines: string[] = []
  lines.push(`# openbell readiness: **${report.verdictText ?? report.verdict}**`, '')
  lines.push(`- run: \`${report.runId}\` (${report.env}), ${report.startedAt} → ${report.finishedAt}`)
  lines.push(`- exit code: ${report.exitCode}`)
  lines.push(`- namespace: \`${report.target.namespace}\`, kube context: \`${report.target.kubeContext ?? '-'}\`, server: \`${report.target.kubeServer ?? '-'}\` (${report.target.kubeServerVersion ?? 'version unknown'})`)
  lines.push(`- Firestore: project \`${report.target.firestoreProject ?? '-'}\`${report.target.firestoreEmulator ? `, emulator ${report.target.firestoreEmulator.backend} at ${report.target.firestoreEmulator.host}` : ''}; tenant \`${report.target.tenantId ?? '-'}\``)
  lines.push(`- session: ${describeSession(report)}${report.target.sessionOverride ? ` (outside the usual window, allowed by \`${report.target.sessionOverride}\`)` : ''}`)
  if (report.authorization) lines.push(`- **execution authorized by:** ${escapeCell(report.authorization)}`)
  if (report.emulators?.scenario) lines.push(`- scenario: \`${report.emulators.scenario}\``)
  if (report.filtered) lines.push('- **filtered run**: only some gates or checks ran, so this run can never be GO')
  const waived = report.counts.waived ? `, ${report.counts.waived} waived` : ''
  lines.push(`- checks: ${report.counts.passed} passed, ${report.counts.failed} failed, ${report.counts.skipped} not verified${waived}`, '')

  lines.push('| Gate | Status | Checks | Runbook |', '| --- | --- | --- | --- |')
  for (const gate of report.gates) {
    const passed = gate.checks.filter((check) => check.status === 'pass').length
    lines.push(`| \`${gate.id}\` ${escapeCell(gate.title)} | ${STATUS_MARK[gate.status]} | ${passed}/${gate.checks.length} | ${escapeCell(gate.runbookRef)} |`)
  }

  const findings = groupFindings(report)
  if (findings.length > 0) {
    lines.push('', '## Why not GO', '')
    for (const finding of findings) {
      const took = finding.checks.map((id) => (id === 'run' ? 'the run' : `\`${id}\``)).join(', ')
      lines.push(`- ${STATUS_MARK[finding.severity]} ${escapeLine(finding.cause)} — ${finding.checks.length > 1 ? `${finding.checks.length} checks: ` : ''}${took}`)
      if (finding.example) lines.push(`  - e.g. ${escapeLine(finding.example)}`)
      if (finding.nextStep) lines.push(`  - next step (${escapeLine(finding.nextStep.runbook)}): \`${finding.nextStep.command.replace(/`/g, "'")}\``)
    }
  }
  lines.push(...renderWaivers(report))
  if (options.comparison) lines.push(...renderComparison(options.comparison))
  if (report.emulators) {
    lines.push('', '## Emulators', '')
    for (const [name, ms] of Object.entries(report.emulators.startupMs)) lines.push(`- ${name}: started in ${ms} ms`)
    for (const note of report.emulators.notes) lines.push(`- ${escapeLine(note)}`)
  }
  lines.push('', 'Evidence: `evidence/` and inline in `report.html`; integrity: `sha256sum -c manifest.sha256` or `openbell verify <this folder>`.', '')
  return lines.join('\n')
}

function renderWaivers(report: ReadinessReport): string[] {
  const waivedChecks = report.gates.flatMap((gate) =>
    gate.checks
      .filter((check) => check.status === 'waived')
      .map((check) => `- \`${gate.id}/${check.id}\` ${STATUS_MARK.waived} (was ${check.waived?.from ?? 'not passing'}; ${escapeLine(check.waived?.ticket ?? '')}): ${escapeLine(check.reason ?? '')}`),
  )
  if ((report.waivers ?? []).length === 0 && waivedChecks.length === 0) return []
  const lines = ['', '## Waivers', '', ...waivedChecks]
  if (waivedChecks.length > 0) lines.push('')
  lines.push('| Check | Owner | Ticket | Expires | Used | Reason |', '| --- | --- | --- | --- | --- | --- |')
  for (const waiver of report.waivers ?? []) {
    lines.push(`| \`${waiver.check}\` | ${escapeCell(waiver.owner)} | ${escapeCell(waiver.ticket)} | ${waiver.expires} | ${waiver.applied ? 'yes' : 'no (the check did not need it)'} | ${escapeCell(waiver.reason)} |`)
  }
  return lines
}

function renderComparison(comparison: RunComparison): string[] {
  const lines = ['', `## Since the previous run (\`${comparison.previousRunId}\`)`, '']
  for (const change of comparison.gateChanges) lines.push(`- gate \`${change.gate}\`: ${change.from} → ${change.to}`)
  for (const entry of comparison.newWarningEvents) {
    lines.push(`- \`${entry.gate}/${entry.check}\`: ${entry.events.length} new Warning event(s): ${escapeLine(entry.events.map(describeEvent).join('; '))}`)
  }
  for (const entry of comparison.moreWarningEvents) {
    lines.push(`- \`${entry.gate}/${entry.check}\`: Warning events up from ${entry.from} to ${entry.to} (\`${entry.key}\`)`)
  }
  const stuckByCheck = new Map<string, RunComparison['stuckCounters']>()
  for (const stuck of comparison.stuckCounters) {
    const key = `${stuck.gate}/${stuck.check}`
    stuckByCheck.set(key, [...(stuckByCheck.get(key) ?? []), stuck])
  }
  for (const [check, stuck] of stuckByCheck) {
    const counters = stuck.map((entry) => `\`${entry.metric}\` ${escapeLine(JSON.stringify(entry.values))}`).join(', ')
    lines.push(`- \`${check}\`: required counter${stuck.length > 1 ? 's' : ''} that did not move: ${counters}`)
  }
  if (lines.length === 3) lines.push('- nothing changed: same gate statuses, no new Warning events, no required counter left unmoved')
  return lines
}

function describeEvent(event: unknown): string {
  if (typeof event !== 'object' || event === null) return String(event)
  const { reason, message, object, involvedObject } = event as Record<string, unknown>
  const target = typeof object === 'string' ? object : involvedObject && typeof involvedObject === 'object' ? (involvedObject as { name?: string }).name : undefined
  const text = [target, reason, message].filter((part) => typeof part === 'string' && part.length > 0).join(' ')
  return text || JSON.stringify(event).slice(0, 200)
}

function escapeCell(text: string): string {
  return escapeLine(text).replace(/\|/g, '\\|')
}

function escapeLine(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}
