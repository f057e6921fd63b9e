import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { GateReport, ReadinessReport } from '../../support/verdict/readiness-report.ts'
import { GATE_MANIFEST } from '../../support/gates/gate-manifest.ts'
import { attachNextSteps } from '../../support/verdict/gate-next-steps.ts'
import { computeVerdict } from '../../support/verdict/compute-verdict.ts'
import { countChecks } from '../../support/verdict/decide-run.ts'

/** Evidence a hostile API server could answer with: it must stay text in every report. */
export const HOSTILE_EVIDENCE = { data: { EXECUTION_HALTED: '0', note: '</details><script>document.title="pwned"</script><img src="http://evil.test/x.png">' } }

/**
 * A report of every gate of the manifest, two checks each, as `decideRun` would give it; `broken` turns the
 * kill switch's `halted` check into a failure with hostile evidence and one metrics check and all of
 * cluster-health into "could not check" for one cause. Evidence files are written into `runDir`.
 */
export function sampleReport(runId: string, runDir: string, broken: boolean): ReadinessReport {
  mkdirSync(path.join(runDir, 'evidence/kill-switch'), { recursive: true })
  writeFileSync(path.join(runDir, 'evidence/kill-switch/kill-switch-configmap.json'), `${JSON.stringify(HOSTILE_EVIDENCE, null, 2)}\n`)
  const unreachable = '[openbell] could not reach the API server at https://10.0.0.1:6443: ECONNREFUSED'
  const gates: GateReport[] = GATE_MANIFEST.map((definition) => {
    const check = (id: string, status: 'pass' | 'fail' | 'unverified', reason: string | null = null) => ({
      id, title: `${definition.id} check ${id}`, status, reason, durationMs: 12, evidence: id === 'halted' ? ['evidence/kill-switch/kill-switch-configmap.json'] : [],
    })
    const checks = [check('first', 'pass'), check(definition.id === 'kill-switch' ? 'halted' : 'second', 'pass')]
    if (broken && definition.id === 'kill-switch') checks[1] = check('halted', 'fail', 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0": execution is NOT halted')
    if (broken && definition.id === 'cluster-health') checks.splice(0, 2, check('first', 'unverified', unreachable), check('second', 'unverified', unreachable))
    if (broken && definition.id === 'metrics') checks[1] = check('second', 'unverified', unreachable)
    const status = checks.some((entry) => entry.status === 'fail') ? 'fail' : checks.some((entry) => entry.status === 'unverified') ? 'unverified' : 'pass'
    return { id: definition.id, title: definition.title, runbookRef: definition.runbookRef, status, reason: null, durationMs: 30, checks }
  })
  const decision = computeVerdict(gates, [])
  return {
    schemaVersion: 1, tool: 'openbell', openbellVersion: '0.1.0', ...decision, env: 'cluster', runId,
    startedAt: '2026-12-02T13:30:00.000Z', finishedAt: '2026-12-02T13:30:09.000Z',
    target: { namespace: 'trading-floor', kubeContext: 'prod', kubeServer: 'https://10.0.0.1:6443', kubeServerVersion: 'v1.32.4', firestoreProject: 'agenttrader-prod', firestoreEmulator: null, tenantId: 'tenant-a', session: null },
    authorization: null, filtered: false, emulators: null, problems: [], waiversFile: null, waivers: [], preflight: null,
    gates: attachNextSteps(gates, { namespace: 'trading-floor', tenantId: 'tenant-a' }), counts: countChecks(gates),
  }
}
