import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ApiException, CoreV1Api, PatchStrategy, setHeaderOptions, type KubeConfig } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../../config/index.ts'
import { KubeTransportError, KUBE_READ_LIMITS, makeKubeApiClient } from '../../kube/index.ts'
import { CouldNotCheckError, firstLineOf, UsageError } from '../../errors.ts'
import { KILL_SWITCH } from '../../posture/index.ts'
import { withinDeadline } from '../../within-deadline.ts'
import { redactValue, withoutUserinfo } from '../../secrets/index.ts'
import { scrubRunFolder, writeManifest, createRunId } from '../../report/index.ts'
import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import type { CliIo } from '../main.ts'

/**
 * `openbell halt`: the runbook's panic stop (§5A). Merge-patches `EXECUTION_HALTED` to `"1"`, reads it back, and
 * records who did it, before and after, in `<reports>/<runId>-halt/halt_record.json` with a manifest.
 * There is deliberately no command that un-halts.
 */
export async function haltCommand(config: ResolvedConfig, io: CliIo, kubeConfig: KubeConfig | null, options: HaltOptions = {}): Promise<ExitCode> {
  const reason = options.reason ?? null
  // @note in cluster mode the CLI has loaded the kubeconfig (a usage error otherwise): it is the one used here.
  if (config.env !== 'cluster' || kubeConfig === null) {
    throw new UsageError('halt acts on a live cluster only; run `openbell halt --env=cluster [--kube-context NAME]`.')
  }
  // @note one client, one server: the read, the patch and the read-back all go to the kube context's server, and a
  // redirect is refused (never followed), so "HALTED" is only ever confirmed by the server that was patched.
  const core = makeKubeApiClient(kubeConfig, CoreV1Api, { timeoutMs: config.requestTimeoutMs, maxBytes: KUBE_READ_LIMITS.maxBytes })
  const target = { name: KILL_SWITCH.configMap, namespace: config.namespace }
  const timedOut = (step: string) => () => new CouldNotCheckError(`${step}: no answer within ${config.requestTimeoutMs} ms`)
  const startedAt = new Date()
  const record: Record<string, unknown> = {
    action: 'halt',
    operator: config.operator ?? io.env.USER ?? os.userInfo().username,
    at: startedAt.toISOString(),
    kubeContext: kubeConfig.getCurrentContext(),
    kubeServer: withoutUserinfo(kubeConfig.getCurrentCluster()?.server ?? '') || null,
    configMap: `${config.namespace}/${KILL_SWITCH.configMap}`,
    // @note `openbell watch --halt-on-fail` names the gate and check that made it halt.
    ...(reason !== null ? { reason } : {}),
  }
  let exitCode: ExitCode = EXIT_CODES.unverified
  let step: HaltStep = 'read'
  try {
    record.before = (await withinDeadline(core.readNamespacedConfigMap(target), config.requestTimeoutMs, timedOut('read the kill switch'))).data?.[KILL_SWITCH.key] ?? null
    step = 'patch'
    await withinDeadline(
      core.patchNamespacedConfigMap(
        { ...target, body: { data: { [KILL_SWITCH.key]: KILL_SWITCH.halted } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
      config.requestTimeoutMs,
      timedOut('patch the kill switch'),
    )
    step = 'read back'
    record.after = (await withinDeadline(core.readNamespacedConfigMap(target), config.requestTimeoutMs, timedOut('read the kill switch back'))).data?.[KILL_SWITCH.key] ?? null
    record.halted = record.after === KILL_SWITCH.halted
    exitCode = record.halted ? EXIT_CODES.go : EXIT_CODES.fail
  } catch (error) {
    record.error = describeHaltError(step, `${config.namespace}/${KILL_SWITCH.configMap}`, error)
  }
  const runDir = path.join(config.reportsDir, `${createRunId(startedAt, 'cluster')}-halt`)
  mkdirSync(runDir, { recursive: true, mode: 0o700 })
  writeFileSync(path.join(runDir, 'halt_record.json'), `${JSON.stringify(redactValue(record), null, 2)}\n`, { mode: 0o600 })
  scrubRunFolder(runDir)
  writeManifest(runDir)
  io.stdout(
    exitCode === EXIT_CODES.go
      ? `HALTED: ${record.configMap} ${KILL_SWITCH.key}=${JSON.stringify(record.after)} (was ${JSON.stringify(record.before)}); record: ${runDir}\n`
      : `NOT CONFIRMED: ${record.error ?? `${KILL_SWITCH.key} read back as ${JSON.stringify(record.after)}, not "1"; halt again`}\n  record: ${runDir}\n`,
  )
  return exitCode
}

/** What `openbell watch --halt-on-fail` adds to a halt. */
export interface HaltOptions {
  /** Why, recorded in the audit record: the gate and check that turned fail. */
  reason?: string
}

/** The step of the halt that was under way when something went wrong. */
type HaltStep = 'read' | 'patch' | 'read back'

/**
 * Says which step failed, what the API server answered, and what to do next.
 * @note client-node's own message starts with "HTTP-Code: 404", which tells an operator in a panic nothing.
 */
function describeHaltError(step: HaltStep, configMap: string, error: unknown): string {
  const what = `could not ${step} ConfigMap ${configMap}`
  if (error instanceof KubeTransportError) return `${what}: ${error.message}. Then halt again (or patch it with kubectl, runbook §5A).`
  if (!(error instanceof ApiException)) {
    const reason = firstLineOf(error)
    return `${what}: ${reason}. Check that the API server is reachable with this kube context, then halt again (or patch it with kubectl, runbook §5A).`
  }
  const status = readStatusMessage(error.body)
  const answered = `the API server answered ${error.code}${status === null ? '' : ` (${status})`}`
  if (error.code === 404) {
    return `${what}: ${answered}. Recreate it halted: kubectl -n ${configMap.split('/')[0]} create configmap ${KILL_SWITCH.configMap} --from-literal=${KILL_SWITCH.key}=${KILL_SWITCH.halted}.`
  }
  if (error.code === 401 || error.code === 403) {
    return `${what}: ${answered}. This identity may not ${step === 'patch' ? 'patch' : 'read'} it; use an identity that may, or ask its owner to halt (runbook §5A).`
  }
  return `${what}: ${answered}. Halt again, or patch it with kubectl (runbook §5A).`
}

function readStatusMessage(body: unknown): string | null {
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body
    const message = (parsed as { message?: unknown } | null)?.message
    return typeof message === 'string' ? message : null
  } catch {
    return null
  }
}
