import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerActiveRun } from '../context/index.ts'
import { installAbortHandlers } from './install-abort-handlers.ts'

afterEach(() => vi.restoreAllMocks())

/** Calls the handler installAbortHandlers added last for a signal, as Node would on that signal, without raising it. */
const deliver = (signal: 'SIGINT' | 'SIGTERM') => (process.listeners(signal).at(-1) as () => void)()

describe('installAbortHandlers: an abort owns the exit once it began', () => {
  it('after Ctrl-C the command\'s own end waits, and the process exits with 130 once the run is stopped, whatever the command returned', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    let stopRun = (): void => undefined
    const unregister = registerActiveRun({ abort: () => undefined, stop: () => new Promise<void>((resolve) => (stopRun = resolve)) })
    const handlers = installAbortHandlers(() => undefined)
    deliver('SIGINT')
    // the command's own path finishes first (its aborted run sealed a NO-GO, exit 3): its release does not settle
    let released = false
    void handlers.release().then(() => (released = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(released).toBe(false)
    expect(exit).not.toHaveBeenCalled()
    stopRun()
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130))
    expect(released).toBe(false)
    unregister()
    // the handlers stay installed while an abort ends (the process exits then); the test removes them itself
    const events: NodeJS.EventEmitter = process
    for (const event of ['SIGINT', 'SIGTERM', 'exit', 'uncaughtException', 'unhandledRejection']) {
      const own = events.listeners(event).at(-1) as ((...args: unknown[]) => void) | undefined
      if (own) events.off(event, own)
    }
  })

  it('with no abort, release removes the handlers and settles', async () => {
    const before = process.listenerCount('SIGTERM')
    const handlers = installAbortHandlers(() => undefined)
    expect(process.listenerCount('SIGTERM')).toBe(before + 1)
    await handlers.release()
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})
