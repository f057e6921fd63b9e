/**
 * The embedded trading floor: local stand-ins that the very same clients talk to, and the scenarios that
 * break them on purpose.
 */
import type { ScenarioSummary } from '../support/cli/main.ts'
import { loadScenarios } from './scenarios/load-scenarios.ts'

export { startFloor } from './start-floor.ts'
export { loadScenario, loadScenarios, scenarioNames, SCENARIOS_DIR, type NamedScenario } from './scenarios/load-scenarios.ts'
export { scenarioSchema, getScenarioJsonSchema, type Scenario } from './scenarios/scenario-schema.ts'

/** Every scenario with the gates it must turn NO-GO, for `openbell scenarios`. */
export function listScenarios(): readonly ScenarioSummary[] {
  return loadScenarios().map(({ name, description, expect }) => ({ name, description, expect }))
}
