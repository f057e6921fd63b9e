import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import { checkScenarioGates } from '../../verdict/index.ts'
import type { CliIo, ScenarioSummary } from '../main.ts'

/**
 * `openbell scenarios`: every emulator scenario with the gates it must fail.
 * @throws UsageError (exit 2) when a scenario names a gate the registry does not have.
 */
export function scenariosCommand(scenarios: readonly ScenarioSummary[], io: CliIo): ExitCode {
  scenarios.forEach(checkScenarioGates)
  const width = Math.max(8, ...scenarios.map((scenario) => scenario.name.length))
  for (const scenario of scenarios) {
    const expected = scenario.expect.map((entry) => `${entry.gate}=${entry.status}`).join(', ')
    io.stdout(`${scenario.name.padEnd(width)}  ${expected.padEnd(40)}  ${scenario.description}\n`)
  }
  return EXIT_CODES.go
}
