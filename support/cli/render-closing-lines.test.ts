import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../verdict/index.ts'
import { renderClosingLines } from './render-closing-lines.ts'

const report = (overrides: Partial<ReadinessReport>) =>
  ({ verdict: 'GO', verdictText: 'GO', problems: [], gates: [], counts: { passed: 3, failed: 0, skipped: 1, waived: 0 }, ...overrides }) as ReadinessReport

describe('renderClosingLines', () => {
  it('names the waived checks of a GO with waivers and counts them as skipped', () => {
    const lines = renderClosingLines(
      report({
        verdictText: 'GO with waivers',
        counts: { passed: 3, failed: 0, skipped: 1, waived: 2 },
        gates: [{
          id: 'metrics', title: 'm', runbookRef: '§', status: 'waived', reason: null, durationMs: 1,
          checks: [{ id: 'a', title: 'a', status: 'waived', reason: 'x', durationMs: 1, evidence: [], waived: { from: 'fail', ticket: 'OPS-1', owner: 'o', expires: 'e' } }],
        }],
      }),
      '/tmp/run',
    )
    expect(lines[0]).toBe('GO with waivers — waived: metrics/a (OPS-1)')
    expect(lines[2]).toBe('runbook: 3 passed, 0 failed, 3 skipped')
  })

  it('says a plain GO', () => {
    expect(renderClosingLines(report({}), '/tmp/run')[0]).toBe('GO')
  })
})
