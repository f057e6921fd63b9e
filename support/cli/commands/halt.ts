import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../../config/resolve-config.ts'
import { loadKubeConfig } from '../../clients/load-kube-config.ts'
import { UsageError } from '../../errors.ts'
import { KILL_SWITCH } from '../../policies/kill-switch-value.ts'
import { writeManifest } from '../../report/write-manifest.ts'
import { createRunId } from '../../runner/create-run-id.ts'
import { EXIT_CODES, type ExitCode } from '../../verdict/api.ts'
import type { CliIo } from '../main.ts'

/**
 * `openbell halt`: the runbook's panic stop (§5A). Merge-patches `EXECUTION_HALTED` to `"1"`, reads it back, and
 * records who did it, before and after, in `<reports>/<runId>-halt/halt_record.json` with a manifest.
 * There is deliberately no command that un-halts.
 */
export async function haltCommand(config: ResolvedConfig, io: CliIo): Promise<ExitCode> {
  if (config.env !== 'cluster') {
    throw new UsageError('halt acts on a live cluster only; run `openbell halt --env=cluster [--kube-context NAME]`.')
  }
  const kubeConfig = loadKubeConfig({ kubeconfigPath: null, kubeContext: config.kubeContext }, io.env)
  const core = kubeConfig.makeApiClient(CoreV1Api)
  const target = { name: KILL_SWITCH.configMap, namespace: config.namespace }
  const startedAt = new Date()
  const record: Record<string, unknown> = {
    action: 'halt',
    operator: config.operator ?? io.env.USER ?? os.userInfo().username,
    at: startedAt.toISOString(),
    kubeContext: kubeConfig.getCurrentContext(),
    kubeServer: kubeConfig.getCurrentCluster()?.server ?? null,
    configMap: `${config.namespace}/${KILL_SWITCH.configMap}`,
  }
  let exitCode: ExitCode = EXIT_CODES.unverified
  try {
    record.before = (await core.readNamespacedConfigMap(target)).data?.[KILL_SWITCH.key] ?? null
    await core.patchNamespacedConfigMap(
      { ...target, body: { data: { [KILL_SWITCH.key]: KILL_SWITCH.halted } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    record.after = (await core.readNamespacedConfigMap(target)).data?.[KILL_SWITCH.key] ?? null
    record.halted = record.after === KILL_SWITCH.halted
    exitCode = record.halted ? EXIT_CODES.go : EXIT_CODES.fail
  } catch (error) {
    record.error = error instanceof Error ? error.message.split('\n')[0] : String(error)
  }
  const runDir = path.join(config.reportsDir, `${createRunId(startedAt, 'cluster')}-halt`)
  mkdirSync(runDir, { recursive: true, mode: 0o700 })
  writeFileSync(path.join(runDir, 'halt_record.json'), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 })
  writeManifest(runDir)
  io.stdout(
    exitCode === EXIT_CODES.go
      ? `HALTED: ${record.configMap} ${KILL_SWITCH.key}=${JSON.stringify(record.after)} (was ${JSON.stringify(record.before)}); record: ${runDir}\n`
      : `NOT CONFIRMED: ${record.error ?? `read back ${JSON.stringify(record.after)}`}; record: ${runDir}\n`,
  )
  return exitCode
}
