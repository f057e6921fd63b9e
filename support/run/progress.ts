import { screenOutput } from '../secrets/index.ts'

/** Says what a run is waiting for; every wait ends with the function {@link Progress.wait} returns. */
export interface Progress {
  /** Opens a wait for `what` (e.g. "the Firestore emulator"); the returned function closes it and may be called again. */
  wait(what: string): () => void
  /** Prints the line for the waits open now, if it is due (the timer calls this; tests call it with their own clock). */
  tick(): void
  /** Stops the timer; later waits print nothing. */
  close(): void
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Where the lines go; every line passes the console scrubber first (`screenOutput`). */
  write: (text: string) => void
  /** A wait is named once it has lasted this long. @default 1000 */
  afterMs?: number
  /** The same waits are named again after this long, so a long wait still shows openbell is alive. @default 5000 */
  repeatMs?: number
  /** How often the open waits are looked at. @default 250 */
  tickMs?: number
  /** @default performance.now */
  now?: () => number
  /** Whether a timer calls {@link Progress.tick}; off in tests that drive the clock. @default true */
  timer?: boolean
}

/** The defaults of {@link ProgressOptions}. */
export const PROGRESS_DEFAULTS = Object.freeze({ afterMs: 1_000, repeatMs: 5_000, tickMs: 250, timer: true })

/** A progress that prints nothing: runs whose caller shows no progress (the benchmark's in-process runs). */
export const SILENT_PROGRESS: Progress = Object.freeze({ wait: () => () => undefined, tick: () => undefined, close: () => undefined })

/**
 * Prints `openbell: waiting for A (1.2 s), B (3.0 s)` once a wait has lasted a second, again when what is awaited
 * changes, and every few seconds while it lasts: a run never sits silent.
 * @note plain lines, also on a terminal, and meant for stderr: stdout is the result (check lines, the verdict, the
 * report's path) that scripts and the benchmark read, and stays the same with or without a terminal. A line redrawn in
 * place (`\r`, ESC[K) would interleave with the check lines printed on stdout meanwhile, and the scrubber escapes those
 * controls anyway, as it does for everything openbell prints. Nothing of it goes into a report or `junit.xml`.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { afterMs, repeatMs, tickMs, timer } = { ...PROGRESS_DEFAULTS, ...options }
  const now = options.now ?? (() => performance.now())
  const write = screenOutput(options.write)
  const open = new Map<number, { what: string; since: number }>()
  let nextId = 0
  let closed = false
  let shown = ''
  let shownAt = -Infinity
  const interval = timer ? setInterval(() => tick(), tickMs) : null
  interval?.unref()

  function tick(): void {
    if (closed) return
    const at = now()
    const due = [...open.values()].filter((wait) => at - wait.since >= afterMs)
    const names = due.map((wait) => wait.what).join('\n')
    if (due.length === 0 || (names === shown && at - shownAt < repeatMs)) return
    shown = names
    shownAt = at
    write(`openbell: waiting for ${due.map((wait) => `${wait.what} (${((at - wait.since) / 1000).toFixed(1)} s)`).join(', ')}\n`)
  }

  return {
    wait(what) {
      const id = nextId++
      open.set(id, { what, since: now() })
      return () => {
        open.delete(id)
      }
    },
    tick,
    close() {
      closed = true
      if (interval) clearInterval(interval)
      open.clear()
    },
  }
}

/** Runs `work` as a wait for `what`: the wait ends when the work settles, however it settles. */
export async function waitingFor<T>(progress: Progress, what: string, work: () => Promise<T>): Promise<T> {
  const done = progress.wait(what)
  try {
    return await work()
  } finally {
    done()
  }
}
