/** A run in progress that can be ended early: on Ctrl-C, SIGTERM or a crash of the harness. */
export interface ActiveRun {
  /** Writes the run's reports now, NO-GO with this reason; synchronous, so it works while the process is going down. */
  abort(reason: string): void
  /** Stops what the run started (the emulator floor). */
  stop(): Promise<void>
  /**
   * Set once the run's verdict is sealed and only its floor is still stopping: an abort then must not write a NO-GO
   * over the verdict already shown, and openbell ends with this exit code. @default undefined (not sealed)
   */
  settledExitCode?: number
}

const activeRuns = new Set<ActiveRun>()

/** Registers a run until the returned function is called. */
export function registerActiveRun(run: ActiveRun): () => void {
  activeRuns.add(run)
  return () => activeRuns.delete(run)
}

/**
 * The exit code of the active runs when every one of them is sealed (its verdict shown, only its floor still stopping),
 * else `null`: an abort then ends openbell with the verdict's exit code.
 */
export function settledExitCode(): number | null {
  const runs = [...activeRuns]
  if (runs.length === 0 || runs.some((run) => run.settledExitCode === undefined)) return null
  return Math.max(...runs.map((run) => run.settledExitCode ?? 0))
}

/**
 * Ends every active run: writes each one's NO-GO report with the reason, then stops what it started,
 * waiting at most `timeoutMs` in all.
 */
export async function abortActiveRuns(reason: string, timeoutMs = 10_000): Promise<void> {
  const runs = [...activeRuns]
  activeRuns.clear()
  for (const run of runs) {
    try {
      run.abort(reason)
    } catch {}
  }
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.allSettled(runs.map((run) => run.stop())),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ])
  clearTimeout(timer)
}
