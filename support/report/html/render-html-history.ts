import type { RunComparison } from '../compare-runs.ts'
import type { PreviousRuns } from '../find-previous-report.ts'
import type { ReadinessReport } from '../../verdict/index.ts'
import { escapeHtml } from './escape-html.ts'
import { STATUS_LABEL } from './status-badge.ts'

/**
 * The history section: one row per gate with its status in each earlier run and this one (oldest first), the
 * earlier runs that could not be read, and what changed since the previous run.
 */
export function renderHistory(report: ReadinessReport, previous: PreviousRuns, comparison: RunComparison | null): string {
  const runs = [...previous.reports].reverse()
  const parts = ['<section aria-labelledby="history"><h2 id="history">History</h2>']
  if (runs.length === 0) {
    parts.push('<p>No earlier run of this environment was found, so there is no history and no comparison yet.</p>')
  } else {
    const heads = runs.map((run) => `<th scope="col" title="${escapeHtml(String(run.runId))}">${escapeHtml(shortRunId(String(run.runId)))}</th>`).join('')
    const rows = report.gates.map((gate) => {
      const cells = runs.map((run) => cell(statusOf(run, gate.id), String(run.runId))).join('')
      return `<tr><th scope="row"><code>${escapeHtml(gate.id)}</code></th>${cells}${cell(gate.status, `${report.runId} (this run)`)}</tr>`
    })
    parts.push(
      `<div class="table-wrap"><table class="strip"><caption>Each gate over the last ${runs.length} earlier run${runs.length === 1 ? '' : 's'} and this one, oldest first (✓ pass, ✗ fail, ? unverified, ~ waived, · absent)</caption>`,
      `<thead><tr><th scope="col">Gate</th>${heads}<th scope="col">this run</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    )
  }
  if (previous.skipped.length > 0) {
    parts.push('<p>Earlier runs skipped because they could not be read:</p><ul>')
    for (const skipped of previous.skipped) parts.push(`<li><code>${escapeHtml(skipped.name)}</code>: ${escapeHtml(skipped.reason)}</li>`)
    parts.push('</ul>')
  }
  if (comparison) parts.push(renderComparison(comparison))
  parts.push('</section>')
  return parts.join('\n')
}

function renderComparison(comparison: RunComparison): string {
  const items = [
    ...comparison.gateChanges.map((change) => `gate <code>${escapeHtml(change.gate)}</code>: ${escapeHtml(change.from)} → ${escapeHtml(change.to)}`),
    ...comparison.newWarningEvents.map((entry) => `<code>${escapeHtml(`${entry.gate}/${entry.check}`)}</code>: ${entry.events.length} new Warning event(s)`),
    ...comparison.moreWarningEvents.map((entry) => `<code>${escapeHtml(`${entry.gate}/${entry.check}`)}</code>: Warning events up from ${entry.from} to ${entry.to}`),
    ...comparison.stuckCounters.map((entry) => `<code>${escapeHtml(`${entry.gate}/${entry.check}`)}</code>: required counter <code>${escapeHtml(entry.metric)}</code> did not move`),
  ]
  const list = items.length > 0 ? items.map((item) => `<li>${item}</li>`).join('') : '<li>nothing changed: same gate statuses, no new Warning events, no required counter left unmoved</li>'
  return `<h3>Since the previous run (<code>${escapeHtml(comparison.previousRunId)}</code>)</h3><ul>${list}</ul>`
}

function statusOf(run: ReadinessReport, gateId: string): string | null {
  const gate = (run.gates ?? []).find((candidate) => candidate?.id === gateId)
  return typeof gate?.status === 'string' ? gate.status : null
}

function cell(status: string | null, runId: string): string {
  if (status === null) return `<td><span aria-hidden="true">·</span><span class="sr">absent in ${escapeHtml(runId)}</span></td>`
  const label = STATUS_LABEL[status] ?? { mark: '?', words: status }
  const known = STATUS_LABEL[status] ? status : 'unverified'
  return `<td class="s-${escapeHtml(known)}" title="${escapeHtml(`${runId}: ${label.words}`)}"><span aria-hidden="true">${label.mark}</span><span class="sr">${escapeHtml(label.words)}</span></td>`
}

/** `20261125T143000.123Z-cluster` → `11-25 14:30`. */
function shortRunId(runId: string): string {
  const match = /^\d{4}(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(runId)
  return match ? `${match[1]}-${match[2]} ${match[3]}:${match[4]}` : runId.slice(0, 16)
}
