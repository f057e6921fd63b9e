import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GATE_IDS, type GateId } from '../gates/index.ts'
import { attachNextSteps, GATE_NEXT_STEPS, nextStepOf } from './gate-next-steps.ts'

const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../specs')
/** The check ids each spec declares (`meta: { check: '…' }`, template ids with their service). */
const declared = readdirSync(SPECS).filter((file) => file.endsWith('.spec.ts')).flatMap((file) =>
  [...readFileSync(path.join(SPECS, file), 'utf8').matchAll(/check: [`']([^`']+)[`']/g)].map((match) => [file.replace('.spec.ts', ''), (match[1] as string).replace('${service.name}', 'strategy-engine')] as const),
)

describe('GATE_NEXT_STEPS', () => {
  it('has a step for every gate, and every step names a runbook section and a command', () => {
    expect(Object.keys(GATE_NEXT_STEPS).sort()).toEqual([...GATE_IDS].sort())
    for (const steps of Object.values(GATE_NEXT_STEPS)) {
      for (const step of [steps.gate, ...Object.values(steps.checks)]) {
        expect(step.runbook).toMatch(/§|pre_market\.md/)
        expect(step.command).toMatch(/^(kubectl|openbell|python3|curl) /)
      }
    }
  })

  it('keys check steps only by check ids the specs declare (a renamed check would lose its step)', () => {
    const suffixes = new Set(declared.map(([gate, id]) => `${gate}:${id.slice(id.lastIndexOf('.') + 1)}`))
    for (const [gate, steps] of Object.entries(GATE_NEXT_STEPS)) {
      for (const id of Object.keys(steps.checks)) expect(suffixes, `${gate}/${id}`).toContain(`${gate}:${id}`)
    }
  })

  it('fills in the namespace, tenant and service of the check', () => {
    expect(nextStepOf('metrics', 'strategy-engine.metrics-200', { namespace: 'floor', tenantId: 't' })).toEqual({
      runbook: 'market-open-runbook §4A',
      command: 'kubectl -n floor get --raw "/api/v1/namespaces/floor/services/strategy-engine:80/proxy/metrics"',
    })
    expect(nextStepOf('data-seeded', 'golden-sweep', { namespace: 'floor', tenantId: null }).command).toBe('openbell seed --env=cluster --tenant-id TENANT_ID')
    expect(nextStepOf('kill-switch', 'halted', { namespace: 'floor', tenantId: 't' })).toEqual({ runbook: 'market-open-runbook §5A', command: 'openbell halt --env=cluster' })
  })

  it('attaches a step to failed, unverified and waived checks only', () => {
    const statuses = ['pass', 'fail', 'unverified', 'optional-not-run', 'waived'] as const
    const [gate] = attachNextSteps([{ id: 'cluster-health' as GateId, title: '', runbookRef: '', status: 'fail', reason: null, durationMs: 0, checks: statuses.map((status) => ({ id: status, title: status, status, reason: null, durationMs: 0, evidence: [] })) }], { namespace: 'n', tenantId: null })
    expect(gate?.checks.map((check) => check.nextStep !== undefined)).toEqual([false, true, true, false, true])
  })
})
