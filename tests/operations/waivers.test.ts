import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { runFixture, type FixtureRun } from '../runner/run-fixture.ts'

/** Issue 9: waivers turn a known failing or unverified check into `waived`, never for the kill switch or paper posture. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
const waiver = (check: string, overrides: Record<string, unknown> = {}) => ({
  check, owner: 'alice', ticket: 'OPS-42', reason: 'strategy-engine is being redeployed', expires: inDays(2), ...overrides,
})
function waiversFile(waivers: unknown[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-waivers-')), 'waivers.yaml')
  writeFileSync(file, stringify({ waivers }))
  return file
}

describe('waivers on the real runner (metrics gate: one check fails, one cannot look)', () => {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-waivers-runs-'))
  let without: FixtureRun
  let withWaivers: FixtureRun

  beforeAll(async () => {
    // @note two runs into one reports folder: the second one's Markdown compares with the first.
    without = await runFixture('metrics-fails', { gates: ['metrics'], reportsDir, env: { FIXTURE_TICKS: '7', FIXTURE_EVENTS: 'BackOff' } })
    const file = waiversFile([waiver('metrics/strategy-engine.ops-status'), waiver('metrics/strategy-engine.metrics-200', { ticket: 'OPS-43' })])
    withWaivers = await runFixture('metrics-fails', {
      gates: ['metrics'], reportsDir, argv: ['--waivers', file], env: { FIXTURE_TICKS: '7', FIXTURE_EVENTS: 'BackOff,Unhealthy' },
    })
  }, 120_000)

  it('without waivers the run is NO-GO with exit 1', () => {
    expect(without.exitCode).toBe(1)
    expect(without.report).toMatchObject({ verdict: 'NO-GO', verdictText: 'NO-GO', waivers: [], waiversFile: null })
  })

  it('with a waiver for each non-passing check it is GO with waivers, exit 0, and says so in JSON', () => {
    expect(withWaivers.exitCode).toBe(0)
    expect(withWaivers.report).toMatchObject({ verdict: 'GO', verdictText: 'GO with waivers', exitCode: 0, problems: [] })
    expect(withWaivers.report.counts).toEqual({ passed: 1, failed: 0, skipped: 0, waived: 2 })
    const gate = withWaivers.report.gates[0]
    expect(gate?.status).toBe('waived')
    expect(gate?.checks.map((check) => [check.id, check.status, check.waived?.from, check.waived?.ticket])).toEqual([
      ['required-metrics', 'pass', undefined, undefined],
      ['strategy-engine.ops-status', 'waived', 'fail', 'OPS-42'],
      ['strategy-engine.metrics-200', 'waived', 'unverified', 'OPS-43'],
    ])
    expect(withWaivers.report.waivers.map((entry) => [entry.check, entry.applied])).toEqual([
      ['metrics/strategy-engine.ops-status', true],
      ['metrics/strategy-engine.metrics-200', true],
    ])
  })

  it('shows the waived checks in the Markdown and on the console', () => {
    const markdown = readFileSync(path.join(withWaivers.runDir, 'readiness_report.md'), 'utf8')
    expect(markdown.split('\n')[0]).toBe('# openbell readiness: **GO with waivers**')
    expect(markdown).toContain('- `metrics/strategy-engine.ops-status` 🟡 waived (was fail; OPS-42): strategy-engine /ops/status HTTP status: expected 503 to be 200')
    expect(withWaivers.stdout).toContain('~ metrics')
    expect(withWaivers.stdout).toContain('waived (was fail): strategy-engine /ops/status HTTP status')
  })

  it('compares the second run with the first: gate status, new Warning events, counters that did not move', () => {
    const markdown = readFileSync(path.join(withWaivers.runDir, 'readiness_report.md'), 'utf8')
    expect(markdown).toContain(`## Since the previous run (\`${path.basename(without.runDir)}\`)`)
    expect(markdown).toContain('- gate `metrics`: fail → waived')
    expect(markdown).toContain('- `metrics/required-metrics`: 1 new Warning event(s): Pod/x Unhealthy')
    expect(markdown).toContain('- `metrics/required-metrics`: required counter that did not move: `marketdata_ticks_total` [7]')
  })

  it('leaves a run folder that `openbell verify` finds intact', () => {
    expect(verifyRunFolder(withWaivers.runDir)).toMatchObject({ intact: true, discrepancies: [] })
  })

  it('is NO-GO with exit 1 for a waiver of the kill switch, an expired one and one too far ahead, naming each', async () => {
    const file = waiversFile([
      waiver('kill-switch/halted'),
      waiver('metrics/strategy-engine.ops-status', { expires: inDays(-1) }),
      waiver('metrics/strategy-engine.metrics-200', { expires: inDays(8) }),
    ])
    const run = await runFixture('metrics-fails', { gates: ['metrics'], argv: ['--waivers', file] })
    expect(run.exitCode).toBe(1)
    expect(run.report.verdictText).toBe('NO-GO')
    expect(run.report.problems.map((problem) => [problem.severity, problem.message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')])).toEqual([
      ['fail', `waiver rejected: ${file}: waiver #1 ("kill-switch/halted"): check names a gate whose checks can never be waived (paper-execution, kill-switch)`],
      ['fail', `waiver rejected: ${file}: waiver #2 ("metrics/strategy-engine.ops-status") expired at <time> (run at <time>); fix the check or renew the waiver`],
      ['fail', `waiver rejected: ${file}: waiver #3 ("metrics/strategy-engine.metrics-200") expires <time>, more than 7 days after the run (<time>); a waiver may reach at most <time>`],
    ])
    expect(run.report.gates[0]?.checks.map((check) => check.status)).toEqual(['pass', 'fail', 'unverified'])
  }, 60_000)
})
