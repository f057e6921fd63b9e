import type { ResolvedConfig } from '../../config/index.ts'
import { formatMessage } from '../../errors.ts'
import { createProgress, runRunbook } from '../../run/index.ts'
import type { ExitCode } from '../../gates/index.ts'
import type { CliDependencies, CliIo } from '../main.ts'
import { renderClosingLines } from '../render-closing-lines.ts'

/**
 * `openbell run`: the runbook once, its verdict and exit code; the verdict is printed before the emulators stop.
 * The CLI checked the kubeconfig already (cluster mode); the spec worker reads the cluster with it again (`prepare/`).
 */
export async function runCommand(config: ResolvedConfig, dependencies: CliDependencies, io: CliIo): Promise<ExitCode> {
  io.stdout(`openbell: market-open runbook against ${config.env === 'emulators' ? `the embedded emulators${config.scenario ? ` (scenario ${config.scenario})` : ''}` : `namespace ${config.namespace} of the cluster`}\n`)
  // @note on stderr: stdout is the result (check lines, verdict, report path); see `createProgress`.
  const progress = createProgress({ write: io.stderr })
  try {
    const { report, teardown } = await runRunbook({
      config,
      startFloor: dependencies.startFloor,
      progress,
      onVerdict: ({ report, runDir }) => io.stdout(`${renderClosingLines(report, runDir).join('\n')}\n`),
    })
    if (teardown && !teardown.stopped) {
      io.stderr(`${formatMessage(`the emulators did not stop cleanly after the verdict (${teardown.problem}); what is left of them is killed as openbell exits. The verdict and the reports above stand.`)}\n`)
    }
    return report.exitCode
  } finally {
    progress.close()
  }
}
