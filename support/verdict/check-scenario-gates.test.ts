import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { checkScenarioGates } from './check-scenario-gates.ts'

describe('checkScenarioGates', () => {
  it('accepts gates of the registry', () => {
    expect(() => checkScenarioGates({ name: 'ok', expect: [{ gate: 'kill-switch' }], checks: [{ gate: 'metrics' }] })).not.toThrow()
  })

  it.each([
    { where: 'expect', scenario: { name: 'typo', expect: [{ gate: 'kill-swtich' }] } },
    { where: 'checks', scenario: { name: 'typo', expect: [{ gate: 'session' }], checks: [{ gate: 'gate-8' }] } },
  ])('refuses an unknown gate in $where, naming the scenario, the gate and the gates there are', ({ scenario }) => {
    expect(() => checkScenarioGates(scenario)).toThrow(UsageError)
    expect(() => checkScenarioGates(scenario)).toThrow(
      new RegExp(`scenario "typo" names the gate "${scenario.checks?.[0]?.gate ?? scenario.expect[0]!.gate}", which openbell does not have; the gates are session, `),
    )
  })
})
