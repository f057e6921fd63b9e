import { describe, expect, it } from 'vitest'
import { collectGates, type ObservedModule } from './collect-gates.ts'
import type { GateDefinition } from '../gates/index.ts'

const manifest: GateDefinition[] = [
  { id: 'kill-switch', title: 'Kill switch', runbookRef: '§5' },
  { id: 'metrics', title: 'Metrics', runbookRef: '§4' },
]

const passing = (title: string, check?: string) => ({
  title,
  state: 'passed' as const,
  mode: 'run' as const,
  errors: [],
  meta: { assertions: 1, ...(check ? { check } : {}) },
  durationMs: 3,
})

describe('collectGates', () => {
  it('passes a gate whose checks all passed, with ids from meta or the title', () => {
    const modules: ObservedModule[] = [
      { gateId: 'kill-switch', errors: [], durationMs: 10, checks: [passing('ConfigMap exists', 'configmap-present'), passing('Value is "1"')] },
      { gateId: 'metrics', errors: [], durationMs: 5, checks: [passing('x')] },
    ]
    const { gates, problems } = collectGates(manifest, modules)
    expect(problems).toEqual([])
    expect(gates.map((gate) => [gate.id, gate.status])).toEqual([['kill-switch', 'pass'], ['metrics', 'pass']])
    expect(gates[0]?.checks.map((check) => check.id)).toEqual(['configmap-present', 'value-is-1'])
  })

  it('makes a listed gate without a spec unverified', () => {
    const { gates } = collectGates(manifest, [{ gateId: 'kill-switch', errors: [], durationMs: 1, checks: [passing('a')] }])
    expect(gates[1]).toMatchObject({ id: 'metrics', status: 'unverified', reason: 'no spec ran for this gate (expected specs/metrics.spec.ts)' })
  })

  it('says a gate was filtered out when the run selected other gates', () => {
    const { gates } = collectGates(manifest, [], { selected: ['kill-switch'] })
    expect(gates[1]?.reason).toBe('not run: the run was filtered to other gates')
  })

  it('makes a spec that failed to import unverified, with the error', () => {
    const { gates } = collectGates(manifest, [{ gateId: 'kill-switch', errors: [{ message: 'SyntaxError: Unexpected token' }], durationMs: 0, checks: [] }])
    expect(gates[0]).toMatchObject({ status: 'unverified', reason: 'the spec did not run cleanly: SyntaxError: Unexpected token' })
  })

  it('makes a spec with no check unverified', () => {
    const { gates } = collectGates(manifest, [{ gateId: 'kill-switch', errors: [], durationMs: 0, checks: [] }])
    expect(gates[0]).toMatchObject({ status: 'unverified', reason: 'the spec declared no check' })
  })

  it('reports a spec outside the manifest as a run problem', () => {
    const { problems } = collectGates(manifest, [{ gateId: 'rogue', errors: [], durationMs: 0, checks: [passing('a')] }])
    expect(problems).toEqual([{ severity: 'unverified', message: 'specs/rogue.spec.ts is not in the gate manifest; add it to the gate registry (support/gates/gate-registry.ts) or remove it' }])
  })

  it('makes a gate blocked by the permission check unverified even when its checks pass, with the rule to add', () => {
    const blocked = { 'kill-switch': 'openbell may not get configmaps; add {apiGroups: [""], resources: ["configmaps"], verbs: ["get"]}' } as const
    const { gates } = collectGates(manifest, [
      { gateId: 'kill-switch', errors: [], durationMs: 1, checks: [passing('a')] },
      { gateId: 'metrics', errors: [], durationMs: 1, checks: [passing('b')] },
    ], { blocked })
    expect(gates.map((gate) => [gate.id, gate.status, gate.reason])).toEqual([
      ['kill-switch', 'unverified', blocked['kill-switch']],
      ['metrics', 'pass', null],
    ])
  })

  it('keeps a blocked gate that found a fault failed', () => {
    const failing = { ...passing('a'), state: 'failed' as const, errors: [{ name: 'AssertionError', message: 'value is "0"' }] }
    const { gates } = collectGates(manifest, [{ gateId: 'kill-switch', errors: [], durationMs: 1, checks: [failing] }], { blocked: { 'kill-switch': 'denied' } })
    expect(gates[0]).toMatchObject({ status: 'fail', reason: 'denied' })
  })

  it('keeps duplicate check ids apart', () => {
    const { gates } = collectGates(manifest, [{ gateId: 'kill-switch', errors: [], durationMs: 0, checks: [passing('same'), passing('same')] }])
    expect(gates[0]?.checks.map((check) => check.id)).toEqual(['same', 'same-2'])
  })
})
