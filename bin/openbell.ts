/**
 * The entry point that wires the library to the emulators: `support/` never imports `emulators/`,
 * so the emulator floor is injected into the CLI here.
 */
import { scenarioNames } from '../emulators/scenarios/scenario-names.ts'
import { start } from '../support/cli/index.ts'
import type { StartFloor } from '../support/run/index.ts'
import type { ExitCode } from '../support/gates/index.ts'

// @note the floor (emulators, Firestore client, msw) is loaded only when a run starts one: a cluster-mode run never
// pays for importing it (measured with `npm run bench`, README "Benchmarks").
const startFloor: StartFloor = async (request) => (await import('../emulators/start-floor.ts')).startFloor(request)
// @note so is the scenarios' YAML parser and schema: only `openbell scenarios` reads the scenario files.
const listScenarios = async () => (await import('../emulators/scenarios/load-scenarios.ts')).listScenarios()

/** Runs `openbell` with the given arguments and returns its exit code. */
export function main(argv: readonly string[]): Promise<ExitCode> {
  return start(argv, { startFloor, listScenarios, scenarioNames })
}
