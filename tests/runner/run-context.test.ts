import { describe, expect, it } from 'vitest'
import { runFixture } from './run-fixture.ts'

/** Issue 15: the run context is built once by the runner and reaches the spec worker whole and unedited. */
describe('the run context', () => {
  it('the spec worker sees exactly the context the runner built, frozen, with the namespace of the command line', async () => {
    const run = await runFixture('run-context', { argv: ['--namespace', 'floor-b'] })
    const checks = run.report.gates[0]?.checks ?? []
    expect(checks.map((check) => [check.id, check.status])).toEqual([['digest', 'pass'], ['frozen', 'pass']])
    expect(run.contextSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(checks[0]?.values).toMatchObject({ sha256: run.contextSha256, namespace: 'floor-b' })
    expect(run.report.target.namespace).toBe('floor-b')
    expect(run.report.verdict).toBe('GO')
  })
})
