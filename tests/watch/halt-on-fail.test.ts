/**
 * `openbell watch --halt-on-fail`'s act, against the Kubernetes API stand-in on the `kill-switch-off` floor: the
 * watch's rule (once per transition to fail of paper-execution or kill-switch) around `openbell halt`'s own path.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyKubeOverlay, FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { loadScenario } from '../../emulators/scenarios/load-scenarios.ts'
import { loadKubeConfig } from '../../support/kube/load-kube-config.ts'
import { haltCommand } from '../../support/cli/commands/halt.ts'
import { parseCli } from '../../support/config/parse-cli.ts'
import { resolveConfig } from '../../support/config/resolve-config.ts'
import type { ReadinessReport } from '../../support/verdict/readiness-report.ts'
import type { GateStatus } from '../../support/gates/api.ts'
import { createHaltOnFail } from '../../support/watch/halt-on-fail.ts'

let kube: StartedKubeApi | undefined
afterEach(async () => {
  await kube?.stop()
  kube = undefined
})

/** The part of an evaluation's report the rule reads: each gate's status and its failed check. */
function evaluation(statuses: Record<string, GateStatus>): ReadinessReport {
  return {
    runId: '20261202T150000.000Z-cluster',
    gates: Object.entries(statuses).map(([id, status]) => ({
      id,
      status,
      checks: status === 'fail' ? [{ id: 'halted', status: 'fail', reason: 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0"' }] : [],
    })),
  } as unknown as ReadinessReport
}

describe('openbell watch --halt-on-fail', () => {
  it('halts once when kill-switch turns fail, through openbell halt, with an audit record naming the gate and the check', async () => {
    const now = new Date()
    const objects = applyKubeOverlay(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now }), loadScenario('kill-switch-off').kube ?? {}, { now })
    kube = await new KubeApiEmulator().withObjects(objects).start()
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-halt-'))
    const config = resolveConfig(parseCli(['halt', '--env=cluster', '--reports', reportsDir, '--operator', 'openbell-watch'], {}), { env: {} })
    const lines: string[] = []
    const io = { stdout: (text: string) => lines.push(text), stderr: (text: string) => lines.push(text), env: { KUBECONFIG: kube.kubeconfigPath } }
    const acts: string[] = []
    const halt = createHaltOnFail(async (reason) => {
      acts.push(reason)
      return haltCommand(config, io, loadKubeConfig({ kubeconfigPath: kube!.kubeconfigPath, kubeContext: null }), { reason })
    }, (line) => lines.push(line))

    const healthy = evaluation({ 'paper-execution': 'pass', 'kill-switch': 'pass' })
    const broken = evaluation({ 'paper-execution': 'pass', 'kill-switch': 'fail' })
    await halt.consider(healthy, null)
    expect(acts, 'nothing fails: nothing is written').toEqual([])
    expect(kube.requests.filter((request) => request.method !== 'GET')).toEqual([])

    await halt.consider(broken, healthy)
    await halt.consider(broken, broken)
    expect(acts, 'one halt for one transition, not one per evaluation').toHaveLength(1)
    const killSwitch = kube.objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === 'agenttrader-kill-switch')
    expect(killSwitch?.data, lines.join('')).toEqual({ EXECUTION_HALTED: '1' })
    const [folder] = readdirSync(reportsDir).filter((name) => name.endsWith('-halt'))
    const record = JSON.parse(readFileSync(path.join(reportsDir, folder!, 'halt_record.json'), 'utf8')) as Record<string, unknown>
    expect(record).toMatchObject({ action: 'halt', operator: 'openbell-watch', before: '0', after: '1', halted: true })
    expect(record.reason).toMatch(/gate kill-switch turned fail \(was pass\); check halted: EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0"/)
    expect(lines.join('')).toContain('halted on kill-switch fail')

    // A pass in between makes the next fail a new transition; openbell never un-halts in between.
    await halt.consider(healthy, broken)
    await halt.consider(broken, healthy)
    expect(acts).toHaveLength(2)
    expect(kube.requests.filter((request) => request.method === 'PATCH')).toHaveLength(2)
  })
})
