import { describe, expect, it } from 'vitest'
import { parseCli, resolveConfig } from '../config/index.ts'
import type { CollectedPlan, PlannedGate } from './collect-plan.ts'
import { renderPlan, type PlanView } from './render-plan.ts'

const config = resolveConfig(parseCli(['plan'], {}), { env: {}, cwd: '/work', fileExists: () => false })
const gate = (overrides: Partial<PlannedGate>): PlannedGate => ({
  id: 'metrics', title: 'Metrics populate', runbookRef: '§4A', state: 'runs', error: null,
  checks: [{ id: 'ops-status', title: '/ops/status answers 200', mode: 'run', optional: null }],
  ...overrides,
})
const view = (collected: Partial<CollectedPlan>, overrides: Partial<PlanView> = {}): PlanView => ({
  config,
  kube: null,
  waivers: { file: null, waivers: [], problems: [] },
  missingAlpacaCredentials: [],
  firestoreEmulatorHost: null,
  collected: { gates: [gate({})], strays: [], errors: [], ...collected },
  ...overrides,
})

describe('renderPlan', () => {
  it('says a clean plan can be GO, and marks optional checks with the reason they give', () => {
    const { text, canBeGo } = renderPlan(view({
      gates: [gate({
        id: 'paper-execution', title: 'Paper', checks: [
          { id: 'paper-account-active', title: 'the paper account is ACTIVE', mode: 'skip', optional: 'no APCA_API_KEY_ID and APCA_API_SECRET_KEY' },
          { id: 'x', title: 'x', mode: 'run', optional: null },
        ],
      })],
    }))
    expect(canBeGo).toBe(true)
    expect(text).toContain('    ? paper-account-active: the paper account is ACTIVE (optional, will not run: no APCA_API_KEY_ID and APCA_API_SECRET_KEY)\n')
    expect(text).toContain('  paper-execution — Paper (§4A); Kubernetes reads checked at start: list configmaps, list deployments.apps')
    expect(text).toContain('inputs: Alpaca paper credentials present (optional checks that need them would run)')
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 checks would run. This run can be GO.')
  })

  it.each<[string, PlanView, string]>([
    ['a gate without a spec', view({ gates: [gate({ state: 'no-spec', checks: [] })] }), 'gate metrics has no spec'],
    ['a spec that does not load', view({ gates: [gate({ state: 'load-error', error: 'SyntaxError: x', checks: [] })] }), 'the spec of metrics fails to load'],
    ['a declared skip', view({ gates: [gate({ checks: [{ id: 'a', title: 'a', mode: 'skip', optional: null }] })] }), 'metrics/a is declared skip'],
    ['a spec outside the manifest', view({ strays: ['specs/rogue.spec.ts'] }), 'specs/rogue.spec.ts is not in the gate manifest'],
    ['a rejected waiver', view({}, { waivers: { file: '/w.yaml', waivers: [], problems: [{ severity: 'fail', message: 'waiver rejected: expired' }] } }), 'a waiver is rejected, which makes the run NO-GO'],
  ])('says the run cannot be GO for %s', (_, planView, blocker) => {
    const { canBeGo, blockers, text } = renderPlan(planView)
    expect(canBeGo).toBe(false)
    expect(blockers).toContain(blocker)
    expect(text).toContain(`This run cannot be GO: ${blocker}`)
  })
})
