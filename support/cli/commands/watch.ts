import type { KubeConfig } from '@kubernetes/client-node'
import { loadKubeConfig } from '../../kube/index.ts'
import type { ResolvedConfig, WatchOptions } from '../../config/index.ts'
import { formatMessage } from '../../errors.ts'
import { createProgress } from '../../run/index.ts'
import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import { createHaltOnFail, runWatch } from '../../watch/index.ts'
import type { CliDependencies, CliIo } from '../main.ts'

const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * `openbell watch`: the session guardian. Ends at the session's close (or `--until`), or on SIGINT/SIGTERM, with a
 * final evaluation and report, and exits with that final report's code, as a single run does: 0 only for GO, so
 * `openbell watch --until 09:29 && …` never reads a NO-GO as success. `kubeConfig` is the one the CLI loaded (cluster mode).
 */
export async function watchCommand(config: ResolvedConfig, dependencies: CliDependencies, io: CliIo, kubeConfig: KubeConfig | null): Promise<ExitCode> {
  if (config.watch === null) throw new Error('watchCommand called without the watch options')
  const watchConfig = config as ResolvedConfig & { watch: WatchOptions }
  // @note a single run ends NO-GO with exit 143 on a signal (`install-abort-handlers.ts`); a watch ends with a final
  // evaluation and its exit code, so those handlers are set aside while it runs, and put back after.
  const setAside = new Map(ENDING_SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  for (const [signal, listeners] of setAside) for (const listener of listeners) process.off(signal, listener)
  let requested = false
  let resolveStop: (reason: string) => void = () => undefined
  const stopRequested = new Promise<string>((resolve) => (resolveStop = resolve))
  const onSignal = (signal: NodeJS.Signals) => () => {
    // @note a second signal: the operator insists; the last report written stays the final one, and this exit says
    // nothing was verified at the end (never 0, which means GO).
    if (requested) process.exit(EXIT_CODES.unverified)
    requested = true
    io.stderr(`${formatMessage(`${signal}: ending the watch with a final evaluation`)}\n`)
    resolveStop(signal)
  }
  const handlers = ENDING_SIGNALS.map((signal) => [signal, onSignal(signal)] as const)
  for (const [signal, handler] of handlers) process.on(signal, handler)
  // @note on stderr: stdout is the result (one line per evaluation); see `createProgress`.
  const progress = createProgress({ write: io.stderr })
  let haltKubeConfig: KubeConfig | null = kubeConfig
  try {
    const halt = watchConfig.watch.haltOnFail
      ? createHaltOnFail(async (reason) => {
          const { haltCommand } = await import('./halt.ts')
          // @note emulator mode: the halt goes to the floor's API server, through the same command as on a cluster.
          return haltCommand({ ...config, command: 'halt', env: 'cluster' }, io, haltKubeConfig, { reason })
        }, (line) => io.stdout(`${line}\n`))
      : null
    const report = await runWatch({
      config: watchConfig,
      startFloor: dependencies.startFloor,
      kubeConfig,
      say: (line) => io.stdout(`${line}\n`),
      progress,
      stopRequested,
      halt,
      onReady: ({ floor }) => {
        if (floor && watchConfig.watch.haltOnFail) haltKubeConfig = loadKubeConfig({ kubeconfigPath: floor.kubeconfigPath, kubeContext: null })
      },
    })
    return report?.exitCode ?? EXIT_CODES.unverified
  } finally {
    progress.close()
    for (const [signal, handler] of handlers) process.off(signal, handler)
    for (const [signal, listeners] of setAside) for (const listener of listeners) process.on(signal, listener as () => void)
  }
}
