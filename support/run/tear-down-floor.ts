import { withinDeadline } from '../within-deadline.ts'
import type { StartedFloor } from './floor.ts'
import { waitingFor, type Progress } from './progress.ts'

/** How the emulator floor's stop went. It is told, never judged: the verdict is sealed before the floor stops. */
export interface TeardownOutcome {
  /** Whether `stop()` finished within the deadline without an error. */
  stopped: boolean
  /** What went wrong (it threw, or it was still stopping at the deadline); `null` when it stopped. */
  problem: string | null
}

/** Options of {@link tearDownFloor}. */
export interface TearDownFloorOptions {
  /** How long `stop()` may take before openbell stops waiting for it. */
  deadlineMs: number
  progress: Progress
}

/**
 * Stops the floor after the verdict, waiting at most `deadlineMs`; never throws. A stop that throws or hangs is
 * reported in the outcome; what it left running (a JVM that would not stop) is killed when openbell exits, by the
 * exit hook of the process groups it started (`emulators/firestore/internal/process-group.ts`).
 */
export async function tearDownFloor(floor: StartedFloor, options: TearDownFloorOptions): Promise<TeardownOutcome> {
  try {
    // @note `Promise.resolve().then`: a stop that throws before returning its promise is caught like one that rejects.
    await waitingFor(options.progress, 'the emulators to stop', () =>
      withinDeadline(
        Promise.resolve().then(() => floor.stop()),
        options.deadlineMs,
        () => new Error(`they were still stopping after ${options.deadlineMs} ms`),
      ),
    )
    return { stopped: true, problem: null }
  } catch (error) {
    return { stopped: false, problem: error instanceof Error ? error.message : String(error) }
  }
}
