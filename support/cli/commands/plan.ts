import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { missingAlpacaCredentialVariables } from '../../clients/alpaca-credentials.ts'
import type { ResolvedConfig } from '../../config/resolve-config.ts'
import { collectPlan } from '../../runner/collect-plan.ts'
import { CODE_ROOT, PROJECT_ROOT } from '../../project-paths.ts'
import { createRunContext } from '../../runner/create-run-context.ts'
import { withoutUserinfo } from '../../secrets/url-secrets.ts'
import { EXIT_CODES, type ExitCode } from '../../verdict/api.ts'
import { GATE_MANIFEST } from '../../verdict/gate-manifest.ts'
import { loadWaivers } from '../../waivers/load-waivers.ts'
import type { CliIo } from '../main.ts'
import { renderPlan } from '../render-plan.ts'

/**
 * `openbell plan`: the gates and checks a run with the same flags would execute, the filter state, the waivers and
 * the inputs that decide optional checks, from vitest's collection only. Starts no emulator, contacts no cluster and
 * writes no report. Exit 0 when the run can be GO, 3 when the plan already shows it cannot.
 */
export async function planCommand(config: ResolvedConfig, io: CliIo): Promise<ExitCode> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-plan-'))
  try {
    const context = createRunContext(config, 'plan', scratch)
    const kube = config.env === 'cluster' ? await describeKubeconfig(config, io.env) : null
    const collected = await collectPlan({
      context,
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
      firestoreEmulatorHost: context.firestoreEmulatorHost,
      collected,
    })
    io.stdout(text)
    return canBeGo ? EXIT_CODES.go : EXIT_CODES.unverified
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * The context and server the kubeconfig names; reading the file contacts nothing.
 * @note the Kubernetes client is imported here: an emulator-mode plan never loads it in this process.
 */
async function describeKubeconfig(config: ResolvedConfig, env: NodeJS.ProcessEnv): Promise<{ context: string | null; server: string | null }> {
  const { loadKubeConfig } = await import('../../clients/load-kube-config.ts')
  const kubeConfig = loadKubeConfig({ kubeconfigPath: null, kubeContext: config.kubeContext }, env)
  return { context: kubeConfig.getCurrentContext(), server: withoutUserinfo(kubeConfig.getCurrentCluster()?.server ?? '') || null }
}
