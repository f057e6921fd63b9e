import { formatMessage } from '../errors.ts'
import { abortActiveRuns, settledExitCode } from '../context/index.ts'
import { EXIT_CODES } from '../gates/index.ts'

/** How long an ending run waits for its floor to stop before exiting anyway: a SIGTERM ends openbell within 10 s. */
export const ABORT_DEADLINE_MS = 8_000

/**
 * Makes Ctrl-C, SIGTERM and a crash of the harness end a run the fail-closed way: the run's report is written as
 * NO-GO with the reason, the emulator floor is stopped (no process or port left behind), and the process exits
 * non-zero, within {@link ABORT_DEADLINE_MS} (a stuck floor is abandoned then); a second Ctrl-C or SIGTERM exits at
 * once. Returns the release of the handlers (see {@link AbortHandlers}).
 */
export function installAbortHandlers(stderr: (text: string) => void): AbortHandlers {
  let ending = false
  let endingWith: number | null = null
  const end = (reason: string, exitCode: number) => {
    if (ending) return
    ending = true
    // @note once the verdict is shown and sealed, only the floor is still stopping: the verdict stands, and so does its exit code.
    const settled = settledExitCode()
    endingWith = settled ?? exitCode
    stderr(`${formatMessage(settled === null ? reason : `${reason.replace(/: the run is NO-GO$/, '')} while the emulators were stopping; the verdict above stands`)}\n`)
    void abortActiveRuns(reason, ABORT_DEADLINE_MS).finally(() => process.exit(endingWith ?? exitCode))
  }
  // @note the operator asked twice: the NO-GO report is already on disk (abort writes it first), so stop waiting.
  const signalled = (reason: string, exitCode: number) => () => (ending ? process.exit(endingWith ?? exitCode) : end(reason, exitCode))
  const onSigint = signalled('interrupted (SIGINT): the run is NO-GO', 130)
  const onSigterm = signalled('terminated (SIGTERM): the run is NO-GO', 143)
  const onCrash = (error: unknown) =>
    end(`openbell crashed: ${error instanceof Error ? error.message : String(error)}`, EXIT_CODES.unverified)
  // @note vitest's own handler in this process (its Node API) exits at once, with code 1, on an unhandled rejection:
  // the report is written by then (abort is synchronous), and the exit code must still say why the run ended.
  const onExit = () => {
    if (endingWith !== null) process.exitCode = endingWith
  }
  process.on('exit', onExit)
  process.on('SIGINT', onSigint)
  process.on('SIGTERM', onSigterm)
  process.on('uncaughtException', onCrash)
  process.on('unhandledRejection', onCrash)
  const remove = () => {
    process.off('exit', onExit)
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigterm)
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onCrash)
  }
  return {
    // @note an abort owns the exit once it began: the command's own path may finish first (the aborted run's checks
    // end as soon as the floor is down, and its NO-GO is sealed) and would exit with that report's code, 3, before
    // the abort exits with 130 or 143. Waiting here leaves the exit to the abort, bounded by ABORT_DEADLINE_MS.
    release: () => (ending ? new Promise<void>(() => undefined) : Promise.resolve(remove())),
  }
}

/** What {@link installAbortHandlers} installed. */
export interface AbortHandlers {
  /**
   * Removes the handlers once the command is done. When an abort (Ctrl-C, SIGTERM, a crash) has begun, it never
   * settles instead: the abort exits the process with its own code when its floor is stopped.
   */
  release(): Promise<void>
}
