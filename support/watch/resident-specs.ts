import type { TestSpecification, Vitest } from 'vitest/node'
import { createRunbookVitest, type RunSpecsOptions } from '../run/index.ts'
import { VerdictReporter, type ObservedRun } from '../verdict/index.ts'
import { createResidentForkPool, type ResidentForkPool } from './resident-fork-pool.ts'

/** Options of {@link startResidentSpecs}: those of a single run, but the context channel, which each evaluation brings. */
export type ResidentSpecsOptions = Omit<RunSpecsOptions, 'contextChannel' | 'waivedChecks' | 'progress'>

/** A vitest instance and its spec worker, kept alive between evaluations. */
export interface ResidentSpecs {
  /**
   * Runs the gate specs once more; the worker receives this evaluation's whole context through `contextChannel` (a
   * new `run-context-channel.ts` file per evaluation, written once). Never two at once.
   */
  evaluate(contextChannel: string): Promise<ObservedRun>
  /** How many spec worker processes were started so far: 1 while the resident worker serves every evaluation. */
  readonly workersStarted: number
  /** Cancels the evaluation in progress, if any (it then ends `interrupted`). */
  cancel(): Promise<void>
  /** Closes vitest and ends its worker process. */
  close(): Promise<void>
}

/**
 * The watch's one adapter to how the runbook's specs are run: vitest is created once with the settings of a single
 * run (`createRunbookVitest`) and a pool whose spec worker stays alive (`resident-fork-pool.ts`), so a re-evaluation
 * pays neither vitest's start nor the worker's import of the clients. Each evaluation points the worker at its own
 * context channel through vitest's `provide`; the context itself only ever crosses through that channel, frozen.
 */
export async function startResidentSpecs(options: ResidentSpecsOptions): Promise<ResidentSpecs> {
  const verdictReporter = new VerdictReporter()
  const resident: ResidentForkPool = createResidentForkPool()
  const vitest: Vitest = await createRunbookVitest({ ...options, contextChannel: '' }, { reporters: [verdictReporter], residentPool: resident.pool })
  let specifications: TestSpecification[] | null = null
  let running: Promise<unknown> = Promise.resolve()
  let closed = false
  let closing: Promise<void> | null = null

  const runOnce = async (contextChannel: string): Promise<ObservedRun> => {
    if (closed) throw new Error("[openbell] The watch's vitest is closed; no evaluation can run.")
    const exitCodeBefore = process.exitCode
    vitest.provide('openbell', { contextChannel })
    specifications ??= await vitest.globTestSpecifications(options.gateFilter)
    const before = verdictReporter.observed
    try {
      await vitest.runTestSpecifications(specifications, true)
      const observed = verdictReporter.observed
      // @note the reporter keeps the last run it saw: the same object again means this evaluation was never reported.
      if (!observed || observed === before) throw new Error('vitest ended without reporting the evaluation')
      return observed
    } finally {
      // @note vitest sets process.exitCode for failed tests; the verdict alone decides openbell's exit code.
      process.exitCode = exitCodeBefore
    }
  }

  return {
    evaluate(contextChannel) {
      const evaluation = running.catch(() => undefined).then(() => runOnce(contextChannel))
      running = evaluation
      return evaluation
    },
    get workersStarted() {
      return resident.started
    },
    cancel: () => vitest.cancelCurrentRun('keyboard-input'),
    // @note idempotent: the final evaluation closes the worker before counting, and the watch's teardown again.
    close() {
      closed = true
      closing ??= vitest.close().finally(() => resident.close())
      return closing
    },
  }
}
