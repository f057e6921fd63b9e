import { describe, expect, it } from 'vitest'
import { abortActiveRuns, registerActiveRun, settledExitCode } from './active-runs.ts'

describe('an abort while runs are active', () => {
  it('is settled with the verdict’s exit code only when every active run is sealed', async () => {
    const aborted: string[] = []
    expect(settledExitCode()).toBeNull()
    const unregisterSealed = registerActiveRun({ abort: () => aborted.push('sealed'), stop: async () => undefined, settledExitCode: 1 })
    expect(settledExitCode()).toBe(1)
    const unregisterRunning = registerActiveRun({ abort: (reason) => aborted.push(`running: ${reason}`), stop: async () => undefined })
    expect(settledExitCode(), 'a run still deciding makes the abort a NO-GO').toBeNull()
    unregisterRunning()
    expect(settledExitCode()).toBe(1)
    await abortActiveRuns('interrupted (SIGINT): the run is NO-GO', 1_000)
    expect(aborted).toEqual(['sealed'])
    unregisterSealed()
    expect(settledExitCode()).toBeNull()
  })
})
