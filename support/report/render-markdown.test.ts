import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../verdict/index.ts'
import { renderMarkdown } from './render-markdown.ts'

const report: ReadinessReport = {
  schemaVersion: 1,
  tool: 'openbell',
  verdict: 'GO',
  verdictText: 'GO with waivers',
  exitCode: 0,
  env: 'cluster',
  runId: '20261125T123000.000Z-cluster',
  startedAt: '2026-11-25T12:30:00.000Z',
  finishedAt: '2026-11-25T12:31:00.000Z',
  target: { namespace: 'trading-floor', kubeContext: 'prod', kubeServer: 'https://k8s', kubeServerVersion: 'v1.32.4', firestoreProject: 'agenttrader-prod', firestoreEmulator: null, tenantId: 't1', session: '2026-11-25' },
  authorization: null,
  filtered: false,
  emulators: null,
  problems: [],
  waiversFile: '/ops/waivers.yaml',
  waivers: [
    { check: 'metrics/strategy-engine.ops-status', owner: 'alice', ticket: 'OPS-42', reason: 'redeploy | rollout', expires: '2026-11-27T12:00:00Z', applied: true },
    { check: 'cluster-health/stable', owner: 'bob', ticket: 'OPS-7', reason: 'flaky node', expires: '2026-11-26T12:00:00Z', applied: false },
  ],
  preflight: null,
  gates: [
    {
      id: 'metrics', title: 'Metrics populate', runbookRef: '§4A', status: 'waived', reason: null, durationMs: 5,
      checks: [
        { id: 'strategy-engine.ops-status', title: 'strategy-engine /ops/status answers 200', status: 'waived', reason: 'strategy-engine /ops/status HTTP status: expected 503 to be 200', durationMs: 1, evidence: [], waived: { from: 'fail', ticket: 'OPS-42', owner: 'alice', expires: '2026-11-27T12:00:00Z' } },
        { id: 'x', title: 'x', status: 'pass', reason: null, durationMs: 1, evidence: [] },
      ],
    },
  ],
  counts: { passed: 1, failed: 0, skipped: 0, waived: 1 },
}

describe('renderMarkdown', () => {
  it('says GO with waivers first, marks the waived gate and check, and lists every waiver', () => {
    const markdown = renderMarkdown(report)
    expect(markdown.split('\n')[0]).toBe('# openbell readiness: **GO with waivers**')
    expect(markdown).toContain('- checks: 1 passed, 0 failed, 0 not verified, 1 waived')
    expect(markdown).toContain('| `metrics` Metrics populate | 🟡 waived | 1/2 | §4A |')
    expect(markdown).not.toContain('## Why not GO')
    expect(markdown).toContain(
      '- `metrics/strategy-engine.ops-status` 🟡 waived (was fail; OPS-42): strategy-engine /ops/status HTTP status: expected 503 to be 200',
    )
    expect(markdown).toContain('| `metrics/strategy-engine.ops-status` | alice | OPS-42 | 2026-11-27T12:00:00Z | yes | redeploy \\| rollout |')
    expect(markdown).toContain('| `cluster-health/stable` | bob | OPS-7 | 2026-11-26T12:00:00Z | no (the check did not need it) | flaky node |')
  })

  it('shows what changed since the previous run', () => {
    const markdown = renderMarkdown(report, {
      comparison: {
        previousRunId: '20261124T123000.000Z-cluster',
        gateChanges: [{ gate: 'metrics', from: 'pass', to: 'waived' }],
        newWarningEvents: [{ gate: 'cluster-health', check: 'stable', events: [{ object: 'Pod/gamma-0', reason: 'BackOff', message: 'Back-off <restarting>' }] }],
        moreWarningEvents: [{ gate: 'cluster-health', check: 'stable', key: 'warningEventsWithin30m', from: 1, to: 3 }],
        stuckCounters: [
          { gate: 'metrics', check: 'marketdata-mcp-server.required-metrics', metric: 'marketdata_ticks_total', values: [0] },
          { gate: 'metrics', check: 'marketdata-mcp-server.required-metrics', metric: 'errors_total', values: [0, 0] },
        ],
      },
    })
    expect(markdown).toContain(
      [
        '## Since the previous run (`20261124T123000.000Z-cluster`)',
        '',
        '- gate `metrics`: pass → waived',
        '- `cluster-health/stable`: 1 new Warning event(s): Pod/gamma-0 BackOff Back-off &lt;restarting>',
        '- `cluster-health/stable`: Warning events up from 1 to 3 (`warningEventsWithin30m`)',
        '- `metrics/marketdata-mcp-server.required-metrics`: required counters that did not move: `marketdata_ticks_total` [0], `errors_total` [0,0]',
      ].join('\n'),
    )
  })

  it('says so when nothing changed', () => {
    const markdown = renderMarkdown(report, { comparison: { previousRunId: 'r0', gateChanges: [], newWarningEvents: [], moreWarningEvents: [], stuckCounters: [] } })
    expect(markdown).toContain('- nothing changed: same gate statuses, no new Warning events, no required counter left unmoved')
  })

  it('says Why not GO once per cause with the checks it took and the next step, and the session the gate resolved (issue 16)', () => {
    const down = '[openbell] list pods in namespace trading-floor: forbidden (403)'
    const unverified = (id: string) => ({ id, title: id, status: 'unverified' as const, reason: down, durationMs: 1, evidence: [], nextStep: { runbook: 'pre_market.md step 3b', command: 'kubectl -n trading-floor get pods -o wide' } })
    const markdown = renderMarkdown({
      ...report, verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: 3, target: { ...report.target, session: null },
      gates: [
        { id: 'session', title: 'Session', runbookRef: '§0', status: 'pass', reason: null, durationMs: 1, checks: [{ id: 'trading-day', title: 't', status: 'pass', reason: null, durationMs: 1, evidence: [], values: { session: '2026-11-26', defaulted: true, opensAt: '2026-11-26T14:30:00.000Z' } }] },
        { id: 'cluster-health', title: 'Health', runbookRef: '3b', status: 'unverified', reason: null, durationMs: 1, checks: [unverified('pods-ready'), unverified('stable')] },
      ],
    })
    expect(markdown).toContain('- session: 2026-11-26, opens 2026-11-26T14:30:00.000Z (the next NYSE session, resolved by the session gate)')
    expect(markdown).toContain(
      [
        '## Why not GO',
        '',
        `- ⚠️ unverified ${down} — 2 checks: \`cluster-health/pods-ready\`, \`cluster-health/stable\``,
        '  - next step (pre_market.md step 3b): `kubectl -n trading-floor get pods -o wide`',
      ].join('\n'),
    )
  })
})
