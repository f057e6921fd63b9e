import type { ResolvedConfig } from '../../config/index.ts'
import { PROJECT_ROOT, runHarnessTests } from '../../run/index.ts'
import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import type { CliDependencies, CliIo } from '../main.ts'
import { runCommand } from './run.ts'

/**
 * `openbell test` (`npm test`): in emulator mode the harness's own tests and then the runbook, passing only if
 * both pass and the verdict is GO; in cluster mode the runbook alone.
 */
export async function testCommand(config: ResolvedConfig, dependencies: CliDependencies, io: CliIo): Promise<ExitCode> {
  if (config.env === 'cluster') return runCommand(config, dependencies, io)
  const harness = await runHarnessTests(PROJECT_ROOT)
  io.stdout(`harness: ${harness.passed} passed, ${harness.failed} failed, ${harness.skipped} skipped\n`)
  const runbookExit = await runCommand(config, dependencies, io)
  if (!harness.ok) return EXIT_CODES.fail
  return runbookExit
}
