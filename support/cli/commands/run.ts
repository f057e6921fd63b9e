import type { KubeConfig } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../../config/resolve-config.ts'
import { runRunbook } from '../../runner/run-runbook.ts'
import type { ExitCode } from '../../verdict/api.ts'
import type { CliDependencies, CliIo } from '../main.ts'
import { renderClosingLines } from '../render-closing-lines.ts'

/** `openbell run`: the runbook once, its verdict and exit code; `kubeConfig` is the one the CLI loaded (cluster mode). */
export async function runCommand(config: ResolvedConfig, dependencies: CliDependencies, io: CliIo, kubeConfig: KubeConfig | null): Promise<ExitCode> {
  io.stdout(`openbell: market-open runbook against ${config.env === 'emulators' ? `the embedded emulators${config.scenario ? ` (scenario ${config.scenario})` : ''}` : `namespace ${config.namespace} of the cluster`}\n`)
  const { report, runDir } = await runRunbook({ config, startFloor: dependencies.startFloor, kubeConfig })
  io.stdout(`${renderClosingLines(report, runDir).join('\n')}\n`)
  return report.exitCode
}
