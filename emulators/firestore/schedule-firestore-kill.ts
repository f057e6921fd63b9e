import type { StartedFirestore } from './types.ts'

/**
 * Kills a running Firestore emulator `delayMs` after now, as a crash would: its process group gets SIGKILL (no
 * chance to answer in-flight reads); a backend without a process (pure Node) is stopped instead.
 * Returns a function that cancels the kill if it has not happened yet.
 * @note a scenario's "the database died while the gates were reading" fault; the floor's `stop()` still cleans up.
 */
export function scheduleFirestoreKill(emulator: StartedFirestore, delayMs: number): () => Promise<void> {
  const kill = (): void => {
    if (emulator.pid === undefined) {
      void emulator.stop().catch(() => undefined)
      return
    }
    try {
      process.kill(-emulator.pid, 'SIGKILL')
    } catch {
      // @note already gone: nothing left to kill.
    }
  }
  if (delayMs === 0) {
    kill()
    return async () => undefined
  }
  const timer = setTimeout(kill, delayMs)
  return async () => clearTimeout(timer)
}
