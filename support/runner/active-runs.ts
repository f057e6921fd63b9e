/** A run in progress that can be ended early: on Ctrl-C, SIGTERM or a crash of the harness. */
export interface ActiveRun {
  /** Writes the run's reports now, NO-GO with this reason; synchronous, so it works while the process is going down. */
  abort(reason: string): void
  /** Stops what the run started (the emulator floor). */
  stop(): Promise<void>
}

const activeRuns = new Set<ActiveRun>()

/** Registers a run until the returned function is called. */
export function registerActiveRun(run: ActiveRun): () => void {
  activeRuns.add(run)
  return () => activeRuns.delete(run)
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
