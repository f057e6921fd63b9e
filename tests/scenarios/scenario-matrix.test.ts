import { describe, expect, it } from 'vitest'
import { loadScenarios } from '../../emulators/index.ts'
import { GATE_IDS } from '../../support/verdict/api.ts'
import { runOpenbell } from './run-openbell.ts'

/**
 * The fault matrix: the healthy floor is GO, and every scenario turns exactly its expected gates NO-GO
 * (fail or unverified, as listed in its scenario.yaml) while every other gate still passes.
 */
const scenarios = loadScenarios()

describe('the healthy floor', () => {
  it('is GO with exit 0', async () => {
    const run = await runOpenbell(['run'])
    expect(run.report?.gates.filter((gate) => gate.status !== 'pass').map((gate) => `${gate.id}: ${gate.reason ?? gate.checks.find((check) => check.status !== 'pass')?.reason}`)).toEqual([])
    expect(run.report?.verdict).toBe('GO')
    expect(run.exitCode).toBe(0)
  })
})

describe.concurrent.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (name, scenario) => {
  it(`is NO-GO: ${scenario.expect.map((entry) => `${entry.gate} ${entry.status}`).join(', ')}`, async () => {
    const run = await runOpenbell(['run', `--scenario=${name}`, ...(scenario.session ? [`--session=${scenario.session}`] : [])])
    const report = run.report
    expect(report, `no report was written; stderr: ${run.stderr}`).not.toBeNull()
    if (!report) return
    expect(report.verdict).toBe('NO-GO')
    const expected = Object.fromEntries(scenario.expect.map((entry) => [entry.gate, entry.status]))
    const actual = Object.fromEntries(report.gates.map((gate) => [gate.id, gate.status]))
    expect(actual).toEqual(Object.fromEntries(GATE_IDS.map((gate) => [gate, expected[gate] ?? 'pass'])))
    expect(run.exitCode).toBe(scenario.expect.some((entry) => entry.status === 'fail') ? 1 : 3)
    if (scenario.reasonContains) {
      const reasons = report.gates.flatMap((gate) => [gate.reason ?? '', ...gate.checks.map((check) => check.reason ?? '')])
      expect(reasons.join('\n')).toContain(scenario.reasonContains)
    }
  })
})
