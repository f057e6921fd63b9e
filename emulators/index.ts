/**
 * The embedded trading floor: local stand-ins that the very same clients talk to, and the scenarios that
 * break them on purpose.
 */
export { startFloor } from './start-floor.ts'
export { listScenarios, loadScenario, loadScenarios, scenarioNames, SCENARIOS_DIR, type NamedScenario } from './scenarios/load-scenarios.ts'
export { scenarioSchema, getScenarioJsonSchema, type Scenario } from './scenarios/scenario-schema.ts'
