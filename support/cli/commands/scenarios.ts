import { EXIT_CODES, type ExitCode } from '../../verdict/api.ts'
import type { CliIo, ScenarioSummary } from '../main.ts'

/** `openbell scenarios`: every emulator scenario with the gates it must fail. */
export function scenariosCommand(scenarios: readonly ScenarioSummary[], io: CliIo): ExitCode {
  const width = Math.max(8, ...scenarios.map((scenario) => scenario.name.length))
  for (const scenario of scenarios) {
    const expected = scenario.expect.map((entry) => `${entry.gate}=${entry.status}`).join(', ')
    io.stdout(`${scenario.name.padEnd(width)}  ${expected.padEnd(40)}  ${scenario.description}\n`)
  }
  return EXIT_CODES.go
}
