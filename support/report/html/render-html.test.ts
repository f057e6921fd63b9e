import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../../verdict/index.ts'
import { renderHtml } from './render-html.ts'

const HOSTILE = '</details></pre><script>alert(1)</script><img src=x onerror=alert(2)>"\'&'

/** A NO-GO report in which every text a run takes from outside carries markup. */
const report = {
  schemaVersion: 1, tool: 'openbell', openbellVersion: '0.1.0', verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 1, env: 'cluster',
  runId: '20261202T133000.000Z-cluster', startedAt: '2026-12-02T13:30:00.000Z', finishedAt: '2026-12-02T13:30:09.000Z',
  target: { namespace: 'trading-floor', kubeContext: HOSTILE, kubeServer: HOSTILE, kubeServerVersion: null, firestoreProject: 'p', firestoreEmulator: null, tenantId: HOSTILE, session: null },
  authorization: HOSTILE, filtered: false, emulators: null,
  problems: [{ severity: 'unverified', message: HOSTILE }], waiversFile: HOSTILE,
  waivers: [{ check: 'metrics/x', owner: HOSTILE, ticket: HOSTILE, reason: HOSTILE, expires: '2026-12-03T00:00:00Z', applied: false }],
  preflight: null,
  gates: [{
    id: 'kill-switch', title: HOSTILE, runbookRef: HOSTILE, status: 'fail', reason: HOSTILE, durationMs: 1,
    checks: [{ id: 'halted', title: HOSTILE, status: 'fail', reason: HOSTILE, durationMs: 1, evidence: ['evidence/kill-switch/a.json', 'evidence/kill-switch/b.txt'], values: { x: HOSTILE }, nextStep: { runbook: HOSTILE, command: HOSTILE } }],
  }],
  counts: { passed: 0, failed: 1, skipped: 0, waived: 0 },
} as unknown as ReadinessReport

const evidence = new Map([
  ['evidence/kill-switch/a.json', { text: JSON.stringify({ status: 500, contentType: HOSTILE, body: HOSTILE }), truncatedFrom: null }],
  ['evidence/kill-switch/b.txt', { text: HOSTILE, truncatedFrom: 99_999 }],
])
const html = renderHtml(report, { evidence, previous: { reports: [report], skipped: [{ name: HOSTILE, reason: HOSTILE }] }, comparison: { previousRunId: HOSTILE, gateChanges: [{ gate: HOSTILE, from: 'pass', to: 'fail' }], newWarningEvents: [], moreWarningEvents: [], stuckCounters: [] } })

describe('renderHtml', () => {
  it('keeps hostile text as text everywhere: no element, attribute or entity comes out of it', () => {
    expect(html).not.toMatch(/<script|<img|<[^>]*\sonerror=|<\/details><\/pre>/i)
    expect(html).toContain('&lt;/details&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&apos;&amp;')
    expect(html.match(/<details\b/g)?.length).toBe(html.match(/<\/details>/g)?.length)
    expect(html.match(/<pre>/g)?.length).toBe(html.match(/<\/pre>/g)?.length)
  })

  it('is one self-contained page: no script, no external resource, a CSP that allows none', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<[^>]*\ssrc=|url\(/i)
    expect(html).not.toMatch(/href="(?:https?:)?\/\//)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"`)
  })

  it('is built for people: language, viewport, landmarks, headings in order, tables with header cells', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    for (const landmark of ['<header class="top" role="banner">', '<main id="main">', '<footer role="contentinfo">']) expect(html).toContain(landmark)
    expect(html.indexOf('✗ NO-GO')).toBeLessThan(html.indexOf('<h1>'))
    expect(html.indexOf('<h2 id="why">Why not GO</h2>')).toBeLessThan(html.indexOf('<h2 id="gates">'))
    expect(html.match(/<table/g)?.length).toBe(html.match(/<th scope="col">Gate<\/th>|<th scope="col">Check<\/th>/g)?.length)
  })

  it('shows a JSON HTTP response pretty-printed and summarised, and says when a file was cut', () => {
    expect(html).toContain('evidence/kill-switch/a.json — HTTP 500 &lt;/details&gt;')
    expect(html).toContain('&quot;status&quot;: 500,')
    expect(html).toMatch(/Shown: the first \d+ characters of 99999 bytes/)
  })
})
