import { describe, expect, it } from 'vitest'
import { runFixture } from './run-fixture.ts'

/**
 * Optional checks (issue 4): a check skipped for want of its input, declared with `it.skipIf(…)` and `meta.optional`
 * or ended at run time with `skipAsOptional`, is listed as "not run (optional)" and does not change the verdict.
 */
describe('optional checks without their inputs', () => {
  it('keep their meta through the skip, are listed as not run (optional), and the run is GO', async () => {
    const run = await runFixture('optional-checks')
    expect(run.report.gates[0]?.checks.map((check) => [check.id, check.status, check.reason])).toEqual([
      ['required', 'pass', null],
      ['declared', 'optional-not-run', 'not run (optional): no INPUT_X in the environment'],
      ['declared-ran', 'pass', null],
      ['at-run-time', 'optional-not-run', 'not run (optional): the service does not report it'],
    ])
    expect(run.report.gates[0]?.status).toBe('pass')
    expect([run.report.verdict, run.exitCode]).toEqual(['GO', 0])
  }, 90_000)
})
