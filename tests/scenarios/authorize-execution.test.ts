import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runOpenbell } from './run-openbell.ts'

const AUTHORIZATION = 'alice/OPS-1/demo'
/** One emulator run starts Firestore and seeds it: far longer than a unit test. */
const RUN_TIMEOUT_MS = 120_000

/**
 * Scenario `kill-switch-off` (EXECUTION_HALTED "0", services reporting kill_switch false) with an operator's
 * `--authorize-execution`: the `halted` check passes, the whole kill-switch gate passes, and every report names who
 * authorized execution.
 */
describe('scenario kill-switch-off, authorized', () => {
  it('passes the halted check and records the authorization in the reports', async () => {
    const run = await runOpenbell(['run', '--scenario=kill-switch-off', '--authorize-execution', AUTHORIZATION])
    const report = run.report
    expect(report, `no report was written; stderr: ${run.stderr}`).not.toBeNull()
    if (!report || !run.runDir) return

    const gate = report.gates.find((candidate) => candidate.id === 'kill-switch')
    const halted = gate?.checks.find((check) => check.id === 'halted')
    expect(halted?.status).toBe('pass')
    expect(halted?.values).toMatchObject({
      value: '0',
      authorization: AUTHORIZATION,
      judgement: { status: 'pass', reason: `EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0", authorized by "${AUTHORIZATION}"` },
    })
    expect(gate?.checks.map((check) => [check.id, check.status])).toEqual([
      ['configmap-present', 'pass'],
      ['halted', 'pass'],
      ['agents-wired', 'pass'],
      ['marketdata-mcp-server.kill-switch-reported', 'pass'],
      ['strategy-engine.kill-switch-reported', 'pass'],
    ])

    expect(report.authorization).toBe(AUTHORIZATION)
    expect(readFileSync(path.join(run.runDir, 'readiness_report.md'), 'utf8')).toContain(`- **execution authorized by:** ${AUTHORIZATION}`)
    expect(report.gates.filter((candidate) => candidate.status !== 'pass').map((candidate) => candidate.id)).toEqual([])
    expect([report.verdict, run.exitCode]).toEqual(['GO', 0])
  }, RUN_TIMEOUT_MS)
})
