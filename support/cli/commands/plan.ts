import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { KubeConfig } from '@kubernetes/client-node'
import { missingAlpacaCredentialVariables, describeKubeIdentity } from '../../config/index.ts'
import type { ResolvedConfig } from '../../config/index.ts'
import { collectPlan } from '../collect-plan.ts'
import { CODE_ROOT, PROJECT_ROOT } from '../../project-paths.ts'
import { createRunContextChannel, createRunContext } from '../../context/index.ts'
import { EXIT_CODES, type ExitCode, GATE_MANIFEST } from '../../gates/index.ts'
import { loadWaivers } from '../../verdict/index.ts'
import type { CliIo } from '../main.ts'
import { renderPlan } from '../render-plan.ts'

/**
 * `openbell plan`: the gates and checks a run with the same flags would execute, the filter state, the waivers and
 * the inputs that decide optional checks, from vitest's collection only. Starts no emulator, contacts no cluster and
 * writes no report. Exit 0 when the run can be GO, 3 when the plan already shows it cannot.
 */
export async function planCommand(config: ResolvedConfig, io: CliIo, kubeConfig: KubeConfig | null): Promise<ExitCode> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-plan-'))
  const channel = createRunContextChannel()
  try {
    // @note the kubeconfig the CLI loaded in cluster mode (`null` with the emulators): reading it contacts nothing.
    const identity = kubeConfig ? describeKubeIdentity(kubeConfig) : null
    const kube = identity ? { context: identity.context, server: identity.server || null } : null
    const firestoreEmulatorHost = config.env === 'cluster' ? (io.env.FIRESTORE_EMULATOR_HOST ?? null) : null
    // @note the context a run would build, with nothing contacted: the specs declare their checks from it.
    channel.deliver(
      createRunContext(config, {
        runId: 'plan',
        runDir: scratch,
        cluster: { kubeconfigPath: null, context: kube?.context ?? config.kubeContext, server: kube?.server ?? null, version: null, problem: 'openbell plan contacts no cluster' },
        firestoreEmulator: firestoreEmulatorHost ? { host: firestoreEmulatorHost, backend: 'FIRESTORE_EMULATOR_HOST' } : null,
        preflight: null,
        workerSetup: { files: [], env: {} },
      }),
    )
    const collected = await collectPlan({
      contextChannel: channel.file,
      specsDir: path.join(CODE_ROOT, 'specs'),
      root: PROJECT_ROOT,
      manifest: GATE_MANIFEST,
      gateFilter: config.gateFilter,
      testNamePattern: config.testNamePattern,
    })
    const { text, canBeGo } = renderPlan({
      config,
      kube,
      waivers: loadWaivers(config.waiversFile, new Date()),
      missingAlpacaCredentials: missingAlpacaCredentialVariables(io.env),
      firestoreEmulatorHost,
      collected,
    })
    io.stdout(text)
    return canBeGo ? EXIT_CODES.go : EXIT_CODES.unverified
  } finally {
    channel.dispose()
    rmSync(scratch, { recursive: true, force: true })
  }
}

