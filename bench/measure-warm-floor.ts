import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startFloor, type StartFloorOptions } from '../emulators/start-floor.ts'
import { seedEmulatorFloor } from '../support/seed/index.ts'
import type { BaselineTarget } from './baseline-reads.ts'
import type { WarmFloorResult } from './bench-result.ts'
import { measureBaselineInProcess, measureBaselineProcess, measureInProcessRun, measureProcessRun, type MeasureOptions } from './measure-run.ts'
import { findDescendantsNamed } from './tree-rss.ts'

/** The floor's identity, as in emulator mode, so a warm run reads the same data a cold one does. */
const TARGET = Object.freeze({ namespace: 'trading-floor', tenantId: 'demo-tenant', firestoreProject: 'demo-openbell' })

/** A warm, cluster-like run: the runbook in cluster mode, pointed at the floor's kubeconfig and Firestore emulator. */
export const WARM_RUN_ARGS = Object.freeze([
  'run', '--env=cluster', '--namespace', TARGET.namespace, '--tenant-id', TARGET.tenantId, '--firestore-project', TARGET.firestoreProject,
])

/** Options of {@link measureWarmFloor}. */
export interface MeasureWarmFloorOptions extends MeasureOptions {
  /** Runs of each kind. */
  repetitions: number
  /** The floor's size; `{}` for the fixture as it is. */
  floor: StartFloorOptions
  /** `--request-timeout` of the runs; the runbook's default when absent. */
  requestTimeoutMs?: number
  /** Progress lines. */
  log: (line: string) => void
}

/**
 * Starts the floor once in this process, then measures, interleaved so a change of machine load hits every kind
 * alike: the runbook as a fresh process, the runbook in-process, and the baseline reads in-process and as a fresh
 * process. Stops the floor at the end, also on failure.
 */
export async function measureWarmFloor(options: MeasureWarmFloorOptions): Promise<WarmFloorResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-bench-floor-'))
  const saved = { KUBECONFIG: process.env.KUBECONFIG, FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST }
  // @note startFloor would reuse an emulator named by FIRESTORE_EMULATOR_HOST (e.g. the previous floor's) instead of starting one.
  delete process.env.FIRESTORE_EMULATOR_HOST
  const started = performance.now()
  const floor = await startFloor({ scenario: null, ...TARGET, runDir: scratch, seed: seedEmulatorFloor }, options.floor)
  options.log(`floor up in ${Math.round(performance.now() - started)} ms (${JSON.stringify(floor.startupMs)})`)
  try {
    const measure: MeasureOptions = { sampleMs: options.sampleMs, extraRoots: findDescendantsNamed(process.pid, 'java') }
    const env = { KUBECONFIG: floor.kubeconfigPath, FIRESTORE_EMULATOR_HOST: floor.firestoreEmulatorHost }
    const target: BaselineTarget = { ...TARGET, kubeconfigPath: floor.kubeconfigPath, firestoreEmulatorHost: floor.firestoreEmulatorHost }
    Object.assign(process.env, env)
    const result: WarmFloorResult = {
      size: options.floor.kube ? { ...options.floor.kube, trades: options.floor.trades ?? 50 } : null,
      floorStartupMs: floor.startupMs,
      warmProcess: [],
      warmInProcess: [],
      warmInProcessFirst: null,
      baselineProcess: [],
      baselineInProcess: [],
    }
    if (options.repetitions === 0) return result
    const runArgs = [...WARM_RUN_ARGS, ...(options.requestTimeoutMs ? [`--request-timeout=${options.requestTimeoutMs}`] : [])]
    result.warmInProcessFirst = await measureInProcessRun(runArgs, measure)
    options.log(`in-process warm-up: ${Math.round(result.warmInProcessFirst.verdictMs)} ms ${result.warmInProcessFirst.verdict}`)
    await measureBaselineInProcess(target, measure)
    for (let index = 1; index <= options.repetitions; index += 1) {
      const fresh = await measureProcessRun(runArgs, env, measure)
      const inProcess = await measureInProcessRun(runArgs, measure)
      const baselineInProcess = await measureBaselineInProcess(target, measure)
      const baselineProcess = await measureBaselineProcess(target, measure)
      result.warmProcess.push(fresh)
      result.warmInProcess.push(inProcess)
      result.baselineInProcess.push(baselineInProcess)
      result.baselineProcess.push(baselineProcess)
      options.log(
        `${index}/${options.repetitions}: process ${Math.round(fresh.verdictMs)} ms ${fresh.verdict}, in-process ${Math.round(inProcess.verdictMs)} ms ${inProcess.verdict}, ` +
          `baseline in-process ${Math.round(baselineInProcess.wallMs)} ms, baseline process ${Math.round(baselineProcess.wallMs)} ms`,
      )
    }
    return result
  } finally {
    await floor.stop()
    rmSync(scratch, { recursive: true, force: true })
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
