import type { RunComparison } from '../compare-runs.ts'
import { describeSession } from '../describe-session.ts'
import type { PreviousRuns } from '../find-previous-report.ts'
import { groupFindings } from '../group-findings.ts'
import type { ReadinessReport } from '../../verdict/index.ts'
import { anchorOf, escapeHtml } from './escape-html.ts'
import { HTML_STYLE } from './html-style.ts'
import { renderGate, type EvidenceTexts } from './render-html-gate.ts'
import { renderHistory } from './render-html-history.ts'
import { statusBadge } from './status-badge.ts'

/** What `report.html` shows besides the report itself. */
export interface RenderHtmlOptions {
  /** The evidence files to inline, secrets already scrubbed. */
  evidence: EvidenceTexts
  /** The earlier runs of the same environment (history strip) and those skipped. */
  previous: PreviousRuns
  /** What changed since the previous run; `null` when there is none. */
  comparison: RunComparison | null
}

/**
 * Renders `report.html`: one self-contained page (inline CSS, no script, no request) with the verdict first in
 * words and colour, why it is not GO grouped by cause with the next step, every gate with its checks and the
 * evidence of each check that did not pass, the target, authorization, waivers, history and openbell version.
 * Every text taken from the run is HTML-escaped: evidence is hostile input.
 */
export function renderHtml(report: ReadinessReport, options: RenderHtmlOptions): string {
  const verdict = report.verdictText ?? report.verdict
  const overview = report.gates.map((gate) => {
    const passed = gate.checks.filter((check) => check.status === 'pass').length
    return `<tr><th scope="row"><a href="#${anchorOf(`gate-${gate.id}`)}"><code>${escapeHtml(gate.id)}</code></a> ${escapeHtml(gate.title)}</th><td>${statusBadge(gate.status)}</td><td>${passed}/${gate.checks.length}</td></tr>`
  })
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    // @note a CSP that allows nothing but the inline style: even a tag that escaped escaping could load nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'">`,
    `<title>${escapeHtml(`${verdict} — openbell ${report.runId}`)}</title>`,
    `<style>${HTML_STYLE}</style></head>`,
    '<body><a class="skip" href="#main">Skip to the report</a>',
    '<header class="top" role="banner">',
    `<div class="verdict ${report.verdict === 'GO' ? 'GO' : 'NO-GO'}" role="status">`,
    `<p class="word">${report.verdict === 'GO' ? '✓' : '✗'} ${escapeHtml(verdict)}</p>`,
    `<p>Exit code ${report.exitCode}. ${escapeHtml(summaryLine(report))}</p>`,
    '</div>',
    `<h1>openbell market-open readiness: ${escapeHtml(verdict)}</h1>`,
    '</header>',
    '<main id="main">',
    renderFindings(report),
    renderRun(report),
    '<section aria-labelledby="gates"><h2 id="gates">Gates</h2>',
    `<div class="table-wrap"><table><caption>Every gate of the runbook</caption><thead><tr><th scope="col">Gate</th><th scope="col">Status</th><th scope="col">Checks passed</th></tr></thead><tbody>${overview.join('')}</tbody></table></div>`,
    ...report.gates.map((gate) => renderGate(gate, options.evidence)),
    '</section>',
    renderWaivers(report),
    renderHistory(report, options.previous, options.comparison),
    '</main>',
    `<footer role="contentinfo"><p>openbell ${escapeHtml(describeOpenbell(report))} · run <code>${escapeHtml(report.runId)}</code> · evidence in <code>evidence/</code> · integrity: <code>openbell verify &lt;this folder&gt;</code> or <code>sha256sum -c manifest.sha256</code></p></footer>`,
    '</body></html>',
    '',
  ].join('\n')
}

function summaryLine(report: ReadinessReport): string {
  const { passed, failed, skipped, waived } = report.counts
  return `${passed} checks passed, ${failed} failed, ${skipped} not verified${waived ? `, ${waived} waived` : ''}; ${report.env} run ${report.runId}.`
}

function renderFindings(report: ReadinessReport): string {
  const findings = groupFindings(report)
  if (findings.length === 0) return ''
  const items = findings.map((finding) => {
    const checks = finding.checks.map((id) => (id === 'run' ? 'the run' : `<a href="#${anchorOf(id.includes('/') ? `check-${id}` : `gate-${id}`)}"><code>${escapeHtml(id)}</code></a>`))
    const next = finding.nextStep
      ? `<p><strong>Next step</strong> (${escapeHtml(finding.nextStep.runbook)}): <code>${escapeHtml(finding.nextStep.command)}</code></p>`
      : ''
    return [
      `<div class="finding ${finding.severity}">`,
      `<p>${statusBadge(finding.severity)} ${escapeHtml(finding.cause)}</p>`,
      `<p class="muted">${finding.checks.length === 1 ? 'Took' : `Took ${finding.checks.length}`}: ${checks.join(', ')}</p>`,
      finding.example ? `<p class="muted">For example: ${escapeHtml(finding.example)}</p>` : '',
      next,
      '</div>',
    ].join('')
  })
  return `<section aria-labelledby="why"><h2 id="why">Why not GO</h2>${items.join('\n')}</section>`
}

function renderRun(report: ReadinessReport): string {
  const target = report.target
  const facts: [string, string][] = [
    ['Run', `${report.runId} (${report.env}), ${report.startedAt} → ${report.finishedAt}`],
    ['Session', describeSession(report)],
    ['Namespace', target.namespace],
    ['Kube context', target.kubeContext ?? '-'],
    ['API server', `${target.kubeServer ?? '-'} (${target.kubeServerVersion ?? 'version unknown'})`],
    ['Firestore', `project ${target.firestoreProject ?? '-'}${target.firestoreEmulator ? `, emulator ${target.firestoreEmulator.backend} at ${target.firestoreEmulator.host}` : ''}`],
    ['Tenant', target.tenantId ?? '-'],
    ['Execution authorized by', report.authorization ?? 'nobody (execution must be halted)'],
    ['Scenario', report.emulators?.scenario ?? '-'],
    ['Filtered run', report.filtered ? 'yes: only some gates or checks ran, so this run can never be GO' : 'no'],
    ['openbell', describeOpenbell(report)],
  ]
  const rows = facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')
  return `<section aria-labelledby="target"><h2 id="target">What was evaluated</h2><dl class="facts">${rows}</dl></section>`
}

function renderWaivers(report: ReadinessReport): string {
  const waivers = report.waivers ?? []
  if (waivers.length === 0) return `<section aria-labelledby="waivers"><h2 id="waivers">Waivers</h2><p>${report.waiversFile ? `None valid in <code>${escapeHtml(report.waiversFile)}</code>.` : 'No waivers file.'}</p></section>`
  const rows = waivers.map((waiver) =>
    `<tr><th scope="row"><code>${escapeHtml(waiver.check)}</code></th><td>${escapeHtml(waiver.owner)}</td><td>${escapeHtml(waiver.ticket)}</td><td>${escapeHtml(waiver.expires)}</td><td>${waiver.applied ? 'yes' : 'no (the check did not need it)'}</td><td>${escapeHtml(waiver.reason)}</td></tr>`,
  )
  return `<section aria-labelledby="waivers"><h2 id="waivers">Waivers</h2><div class="table-wrap"><table><caption>Waivers of this run${report.waiversFile ? ` from ${escapeHtml(report.waiversFile)}` : ''}</caption><thead><tr><th scope="col">Check</th><th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Expires</th><th scope="col">Used</th><th scope="col">Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
}

/** `0.1.0 (commit 0123abc…)` as `openbell --version` says it; a report written before issue 14 has no commit. */
function describeOpenbell(report: ReadinessReport): string {
  const version = report.openbellVersion ?? 'version unknown'
  return report.openbellCommit ? `${version} (commit ${report.openbellCommit})` : version
}
