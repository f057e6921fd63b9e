import { describe, expect, it } from 'vitest'
import { runFixture } from './run-fixture.ts'

/**
 * Issue 15: `expectJudgement` ends a check exactly as the hand mapping it replaced did. On the real runner, each
 * status through the helper gets the status and reason (in the report and in JUnit) of the same status mapped by hand.
 */
describe('expectJudgement on the real runner', () => {
  it('gives each judgement status the outcome its hand mapping had, and records the judgement', async () => {
    const run = await runFixture('judgements')
    const checks = run.report.gates[0]?.checks ?? []
    const outcome = (id: string) => {
      const check = checks.find((candidate) => candidate.id === id)
      return [check?.status, check?.reason]
    }
    const reason = 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0": execution is NOT halted'
    expect(['pass', 'fail', 'unverified', 'optional'].map(outcome)).toEqual([
      ['pass', null],
      ['fail', reason],
      ['unverified', `[openbell] ${reason}`],
      ['optional-not-run', `not run (optional): ${reason}`],
    ])
    for (const status of ['pass', 'fail', 'unverified', 'optional']) expect(outcome(status), status).toEqual(outcome(`${status}-by-hand`))
    expect(checks.find((check) => check.id === 'fail')?.values).toEqual({ judgement: { status: 'fail', reason, findings: [] } })
    expect([run.report.verdict, run.exitCode]).toEqual(['NO-GO', 1])
  }, 90_000)
})
