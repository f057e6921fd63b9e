import type { CheckReport, GateReport } from '../../verdict/index.ts'
import { anchorOf, escapeHtml } from './escape-html.ts'
import { renderEvidence, type EvidenceText } from './render-html-evidence.ts'
import { statusBadge } from './status-badge.ts'

/** Every evidence file of the run that the report inlines, by path relative to the run folder. */
export type EvidenceTexts = ReadonlyMap<string, EvidenceText>

/**
 * One gate: its status and runbook section, a table of all its checks, then each check that did not pass with its
 * reason, its next step and its evidence inline (open).
 */
export function renderGate(gate: GateReport, evidence: EvidenceTexts): string {
  const rows = gate.checks.map((check) => {
    const id = `${gate.id}/${check.id}`
    const name = check.status === 'pass' || check.status === 'optional-not-run'
      ? escapeHtml(check.title)
      : `<a href="#${anchorOf(`check-${id}`)}">${escapeHtml(check.title)}</a>`
    const files = check.evidence.map((file) => `<a href="${escapeHtml(encodeURI(file))}">${escapeHtml(file.split('/').at(-1) ?? file)}</a>`).join(', ')
    return `<tr><th scope="row">${name}<br><code class="muted">${escapeHtml(id)}</code></th><td>${statusBadge(check.status)}</td><td>${files || '<span class="muted">none</span>'}</td></tr>`
  })
  const table = gate.checks.length === 0
    ? '<p class="muted">No check ran for this gate.</p>'
    : `<div class="table-wrap"><table><caption>Checks of ${escapeHtml(gate.id)}</caption><thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  const details = gate.checks.filter((check) => check.status !== 'pass' && check.status !== 'optional-not-run').map((check) => renderCheck(gate, check, evidence))
  return [
    `<section aria-labelledby="${anchorOf(`gate-${gate.id}`)}">`,
    `<h3 id="${anchorOf(`gate-${gate.id}`)}">${statusBadge(gate.status)} <code>${escapeHtml(gate.id)}</code> ${escapeHtml(gate.title)}</h3>`,
    `<p class="muted">Runbook: ${escapeHtml(gate.runbookRef)}</p>`,
    gate.reason ? `<p><strong>Gate:</strong> ${escapeHtml(gate.reason)}</p>` : '',
    table,
    ...details,
    '</section>',
  ].join('\n')
}

function renderCheck(gate: GateReport, check: CheckReport, evidence: EvidenceTexts): string {
  const id = `${gate.id}/${check.id}`
  const waived = check.waived
    ? `<p><strong>Waived</strong> (was ${escapeHtml(check.waived.from)}): ticket ${escapeHtml(check.waived.ticket)}, owner ${escapeHtml(check.waived.owner)}, expires ${escapeHtml(check.waived.expires)}</p>`
    : ''
  const next = check.nextStep
    ? `<p><strong>Next step</strong> (${escapeHtml(check.nextStep.runbook)}):</p><pre><code>${escapeHtml(check.nextStep.command)}</code></pre>`
    : ''
  const files = check.evidence.length === 0
    ? '<p class="muted">This check recorded no evidence file.</p>'
    : check.evidence.map((file) => renderEvidence(file, evidence.get(file), check.status !== 'waived')).join('\n')
  const values = check.values
    ? `<details><summary>Values the check recorded</summary><pre>${escapeHtml(JSON.stringify(check.values, null, 2))}</pre></details>`
    : ''
  return [
    `<article class="check ${escapeHtml(check.status)}" aria-labelledby="${anchorOf(`check-${id}`)}">`,
    `<h4 id="${anchorOf(`check-${id}`)}">${statusBadge(check.status)} ${escapeHtml(check.title)} <code class="muted">${escapeHtml(id)}</code></h4>`,
    `<p><strong>Reason:</strong> ${escapeHtml(check.reason ?? 'no reason recorded')}</p>`,
    waived,
    next,
    files,
    values,
    '</article>',
  ].join('\n')
}
