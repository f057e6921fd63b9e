import { Writable } from 'node:stream'
import type { InlineConfig, Vitest } from 'vitest/node'
import { specWorkerConfig } from '../context/index.ts'
import { VerdictReporter, type ObservedRun } from '../verdict/index.ts'
import { createConsoleReporter } from './console-reporter.ts'
import type { Progress } from './progress.ts'

const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/** Options of {@link runSpecs}. */
export interface RunSpecsOptions {
  /** The run context channel's file: each worker receives the whole context from it (`run-context-channel.ts`). */
  contextChannel: string
  specsDir: string
  /** The project root, which vitest resolves `support/` imports from. */
  root: string
  /** Spec files to run (a filtered run); empty runs every spec. */
  gateFilter: string[]
  testNamePattern: string | null
  checkTimeoutMs: number
  /** `<gate>/<check-id>` of the run's valid waivers, so the console marks a waived check as such. @default [] */
  waivedChecks?: readonly string[]
  /** Where the console view says what it waits for: the spec worker, a slow check. @default nothing shown */
  progress?: Progress
}

/**
 * Runs the gate specs through vitest's Node API with the verdict reporter and a short console view. `junit.xml` is
 * written from the decided report (`support/report/render-junit.ts`), where an unverified check can be an `<error>`.
 */
export async function runSpecs(options: RunSpecsOptions): Promise<ObservedRun> {
  const verdictReporter = new VerdictReporter()
  const exitCodeBefore = process.exitCode
  const vitest = await createRunbookVitest(options, {
    reporters: [verdictReporter, createConsoleReporter(undefined, options.waivedChecks, options.progress)],
  })
  try {
    await vitest.start(options.gateFilter)
  } finally {
    // @note vitest sets process.exitCode for failed tests; the verdict alone decides openbell's exit code.
    process.exitCode = exitCodeBefore
    // @note awaited before the verdict: until the spec worker is gone it can still act (un-awaited work of a passed
    // check), and the live-host violations file is read only after that, so no attempt escapes the verdict.
    await vitest.close().finally(() => (process.exitCode = exitCodeBefore))
  }
  if (!verdictReporter.observed) throw new Error('vitest ended without reporting the run')
  return verdictReporter.observed
}

/**
 * Creates the vitest that runs the gate specs, with the settings every run shares (one non-isolated spec worker, the
 * runbook's setup file, the context channel provided), and takes vitest's SIGINT/SIGTERM handlers off again.
 * `openbell watch` creates it once and keeps it (`support/watch/resident-specs.ts`); a single run, once per run.
 */
export async function createRunbookVitest(
  options: Omit<RunSpecsOptions, 'waivedChecks' | 'progress' | 'gateFilter'>,
  extra: Pick<InlineConfig, 'reporters'> & {
    /** A pool whose worker outlives each run (`openbell watch`), whose spec files must then be evaluated anew each run. @default `threads`, the one-shot run's */
    residentPool?: InlineConfig['pool']
  },
): Promise<Vitest> {
  const signalListenersBefore = new Map(ENDING_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]))
  // @note loaded here, not with the runner: the emulator floor's start (run-runbook.ts starts it first) spawns the
  // Firestore JVM before vitest's and vite's modules take the main thread.
  const { createVitest } = await import('vitest/node')
  const vitest = await createVitest(
    'test',
    {
      ...specWorkerConfig({ ...options, resident: extra.residentPool !== undefined }),
      testTimeout: options.checkTimeoutMs,
      hookTimeout: options.checkTimeoutMs,
      reporters: extra.reporters,
      ...(extra.residentPool ? { pool: extra.residentPool } : {}),
    },
    { logLevel: 'error', server: { watch: null } },
    // @note vitest's own console lines ("JUNIT report written to …") would bury the verdict; checks print through the console reporter.
    { stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) },
  )
  // @note vitest's logger exits the process 1 ms after SIGINT or SIGTERM; openbell's own handlers end the run instead
  // (NO-GO report, floor stopped, report sealed again, then exit), so vitest's are taken off.
  for (const signal of ENDING_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!signalListenersBefore.get(signal)?.has(listener)) process.off(signal, listener)
  }
  return vitest
}
