import { describe, expect, it } from 'vitest'
import { runFixture } from './run-fixture.ts'

/**
 * An attempt to reach the live broker host fails the run (issue 7), even when every check passed: the guard in each
 * spec worker refuses it before anything leaves the process and records it, and the runner turns the record into a
 * failed run. A scenario cannot be made to do this (scenarios are data), so a fixture spec does.
 */
describe('a request to the live broker host', () => {
  it('is refused, recorded, and makes the run NO-GO with exit 1 even though every check passed', { timeout: 120_000 }, async () => {
    const run = await runFixture('live-host-attempt')
    expect(run.report.gates[0]?.checks.map((check) => [check.id, check.status])).toEqual([['fetch', 'pass'], ['http', 'pass']])
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.exitCode).toBe(1)
    expect(run.report.problems).toEqual([
      { severity: 'fail', message: 'a request to the live broker host was attempted and refused: GET https://api.alpaca.markets/v2/account' },
      { severity: 'fail', message: 'a request to the live broker host was attempted and refused: GET http://api.alpaca.markets/v2/clock' },
    ])
    expect(JSON.stringify(run.report)).not.toContain('fixture-secret-0007')
  })

  it('from the runner’s own process (here while the floor starts) is refused and recorded too: NO-GO, exit 1', { timeout: 120_000 }, async () => {
    const run = await runFixture('all-pass', { floorLooksUp: 'API.Alpaca.Markets.' })
    expect(run.report.gates[0]?.checks.every((check) => check.status === 'pass')).toBe(true)
    expect(run.exitCode).toBe(1)
    expect(run.report.problems).toEqual([
      { severity: 'fail', message: 'a request to the live broker host was attempted and refused: LOOKUP dns:API.Alpaca.Markets.' },
    ])
  })
})
