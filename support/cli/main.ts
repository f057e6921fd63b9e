import type { KubeConfig } from '@kubernetes/client-node'
import { parseCli, resolveConfig, type ResolvedConfig, checkReportsFolder, checkWaiversFile } from '../config/index.ts'
import { formatMessage, UsageError } from '../errors.ts'
import { loadEd25519Key, useManifestSigningKey, describeVersion } from '../report/index.ts'
import type { StartFloor } from '../run/index.ts'
import { EXIT_CODES, type ExitCode } from '../gates/index.ts'
import { installAbortHandlers } from './install-abort-handlers.ts'
import { renderHelp } from './render-help.ts'
import { screenOutput } from '../secrets/index.ts'

/** A scenario as the CLI lists it. */
export interface ScenarioSummary {
  name: string
  description: string
  /** The gates it must turn NO-GO and how. */
  expect: readonly { gate: string; status: 'fail' | 'unverified' }[]
}

/** What the CLI needs from outside `support/`: the emulators, injected by the entry point. */
export interface CliDependencies {
  startFloor: StartFloor
  listScenarios(): Promise<readonly ScenarioSummary[]>
  /** The scenarios' names only, which every command checks `--scenario` against. */
  scenarioNames(): readonly string[]
}

/** Where the CLI writes. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}

/**
 * The `openbell` command: parses, validates, loads the command's implementation on demand and returns the
 * exit code. One top-level catch turns a usage error into one line and exit 2, and anything else into exit 3.
 */
export async function start(argv: readonly string[], dependencies: CliDependencies, rawIo: CliIo = defaultIo): Promise<ExitCode> {
  // @note everything the CLI prints (closing lines, errors, the abort line) passes one scrubber and control escaping.
  const io: CliIo = { ...rawIo, stdout: screenOutput(rawIo.stdout), stderr: screenOutput(rawIo.stderr) }
  const abortHandlers = installAbortHandlers(io.stderr)
  try {
    const cli = parseCli(argv, io.env)
    if (cli.values.help) {
      io.stdout(renderHelp())
      return EXIT_CODES.go
    }
    if (cli.values.version) {
      io.stdout(`${describeVersion(io.env)}\n`)
      return EXIT_CODES.go
    }
    const config = resolveConfig(cli, { env: io.env, knownScenarios: dependencies.scenarioNames() })
    // @note `seed` writes Firestore only; it must work from a machine without a kubeconfig.
    // @note `verify` reads a run folder only; it must work on an auditor's machine without a kubeconfig.
    const kubeConfig = config.env === 'cluster' && config.command !== 'seed' && config.command !== 'verify' ? await validateClusterAccess(config, io.env) : null
    checkLocalPaths(config)
    switch (config.command) {
      case 'scenarios':
        return await (await import('./commands/scenarios.ts')).scenariosCommand(await dependencies.listScenarios(), io)
      case 'run':
        return await (await import('./commands/run.ts')).runCommand(config, dependencies, io)
      case 'test':
        return await (await import('./commands/test.ts')).testCommand(config, dependencies, io)
      case 'seed':
        return await (await import('./commands/seed.ts')).seedCommand(config, dependencies, io)
      case 'halt':
        return await (await import('./commands/halt.ts')).haltCommand(config, io, kubeConfig)
      case 'plan':
        return await (await import('./commands/plan.ts')).planCommand(config, io, kubeConfig)
      case 'verify':
        return (await import('./commands/verify.ts')).verifyCommand(config, io)
      case 'watch':
        return await (await import('./commands/watch.ts')).watchCommand(config, dependencies, io, kubeConfig)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`)
      return EXIT_CODES.usage
    }
    io.stderr(`${formatMessage(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`)
    return EXIT_CODES.unverified
  } finally {
    await abortHandlers.release()
  }
}

/** The commands that write a folder under `--reports`. */
const WRITING_COMMANDS: readonly ResolvedConfig['command'][] = ['run', 'test', 'seed', 'halt', 'watch']

/**
 * The local paths a command uses, checked before anything starts: a reports folder that cannot be written, a waivers
 * file that is a FIFO or a folder, or a signing key that is not an Ed25519 private key is a usage error, never a
 * crash or a hang halfway through a run. The signing key is put in use here.
 */
function checkLocalPaths(config: ResolvedConfig): void {
  const writes = WRITING_COMMANDS.includes(config.command)
  if (config.waiversFile !== null) checkWaiversFile(config.waiversFile)
  const signingKey = config.signKeyFile !== null && writes ? loadEd25519Key(config.signKeyFile, 'private', '--sign-key') : null
  // @note last: it may create the reports folder, which no earlier usage error should leave behind.
  if (writes) checkReportsFolder(config.reportsDir)
  useManifestSigningKey(signingKey)
}

/**
 * In cluster mode a kubeconfig that cannot be used is a usage error, found before anything is written. `halt`, `plan`
 * and `watch` use the kubeconfig loaded here; `run` and `test` only check it here, and their spec worker loads it again
 * from the same sources to read the cluster and run the gates.
 * @note imported here, not at the top: `--help`, `--version`, a usage error and `verify` never load the Kubernetes client.
 */
async function validateClusterAccess(config: ResolvedConfig, env: NodeJS.ProcessEnv): Promise<KubeConfig> {
  const { loadKubeConfig } = await import('../kube/index.ts')
  return loadKubeConfig({ kubeconfigPath: null, kubeContext: config.kubeContext }, env)
}
