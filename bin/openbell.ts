/**
 * The entry point that wires the library to the emulators: `support/` never imports `emulators/`,
 * so the emulator floor is injected into the CLI here.
 */
import { listScenarios, startFloor } from '../emulators/index.ts'
import { start } from '../support/cli/main.ts'
import type { ExitCode } from '../support/verdict/api.ts'

/** Runs `openbell` with the given arguments and returns its exit code. */
export function main(argv: readonly string[]): Promise<ExitCode> {
  return start(argv, { startFloor, listScenarios })
}
