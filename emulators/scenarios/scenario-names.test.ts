import { describe, expect, it } from 'vitest'
import { loadScenarios, scenarioNames } from './load-scenarios.ts'

describe('scenarioNames: what `--scenario` is checked against, without parsing every scenario', () => {
  it('names exactly the scenarios that load, in the same order', () => {
    expect(scenarioNames()).toEqual(loadScenarios().map((scenario) => scenario.name))
    expect(scenarioNames().length).toBeGreaterThan(30)
  })
})
