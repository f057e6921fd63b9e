import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { raceStop } from './race-stop.ts'

describe('the watch waits on its stop without holding on to what it waited for', () => {
  it('leaves no listener on the stop after 1,000 waits that ended with their work, as 1,000 evaluations do', async () => {
    const stop = new AbortController()
    for (let evaluation = 1; evaluation <= 1_000; evaluation++) {
      expect(await raceStop(Promise.resolve({ evaluation }), stop.signal, () => null)).toEqual({ evaluation })
    }
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0)
  })

  it("answers with the stop's own result when the stop comes first, and at once when it came before the wait", async () => {
    const stop = new AbortController()
    const waiting = raceStop(new Promise<string>(() => undefined), stop.signal, () => 'stop')
    stop.abort()
    expect(await waiting).toBe('stop')
    expect(await raceStop(new Promise<string>(() => undefined), stop.signal, async () => null)).toBeNull()
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0)
  })

  it('passes on the failure of its work', async () => {
    await expect(raceStop(Promise.reject(new Error('the evaluation failed')), new AbortController().signal, () => null)).rejects.toThrow('the evaluation failed')
  })
})
