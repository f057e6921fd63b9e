import { afterEach, describe, expect, it } from 'vitest'
import { createProgress, waitingFor } from './progress.ts'

/** A progress on a clock the test moves, its lines collected. */
function progressOnTestClock() {
  let clock = 0
  const lines: string[] = []
  const progress = createProgress({ write: (text) => lines.push(text), now: () => clock, timer: false })
  const at = (ms: number) => {
    clock = ms
    progress.tick()
  }
  return { progress, lines, at }
}

describe('the progress line', () => {
  const saved = process.env.APCA_API_SECRET_KEY
  afterEach(() => {
    if (saved === undefined) delete process.env.APCA_API_SECRET_KEY
    else process.env.APCA_API_SECRET_KEY = saved
  })

  it('says nothing for a wait shorter than a second', () => {
    const { progress, lines, at } = progressOnTestClock()
    const done = progress.wait('the Firestore emulator')
    at(999)
    done()
    at(1_500)
    expect(lines).toEqual([])
  })

  it('names a wait once it lasts a second, again when what is awaited changes, and every 5 s while it lasts', () => {
    const { progress, lines, at } = progressOnTestClock()
    const worker = progress.wait('the spec worker to load the gates')
    at(300)
    const firestore = progress.wait('the Firestore emulator')
    at(1_000)
    at(1_250)
    expect(lines).toEqual(['openbell: waiting for the spec worker to load the gates (1.0 s)\n'])
    at(1_300)
    expect(lines.at(-1)).toBe('openbell: waiting for the spec worker to load the gates (1.3 s), the Firestore emulator (1.0 s)\n')
    firestore()
    at(1_400)
    expect(lines.at(-1)).toBe('openbell: waiting for the spec worker to load the gates (1.4 s)\n')
    at(6_300)
    expect(lines).toHaveLength(3)
    at(6_400)
    expect(lines.at(-1)).toBe('openbell: waiting for the spec worker to load the gates (6.4 s)\n')
    worker()
    at(20_000)
    expect(lines).toHaveLength(4)
  })

  it('prints nothing once closed', () => {
    const { progress, lines, at } = progressOnTestClock()
    progress.wait('the API server (permission preflight)')
    progress.close()
    at(5_000)
    expect(lines).toEqual([])
  })

  it('passes the console scrubber: a secret is redacted and a terminal control is shown escaped', () => {
    process.env.APCA_API_SECRET_KEY = 'CANARY-sk-0a1b2c3d4e'
    const { progress, lines, at } = progressOnTestClock()
    progress.wait(`kill-switch: reads CANARY-sk-0a1b2c3d4e \u001b[2J\u202e`)
    at(1_000)
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain('CANARY-sk-0a1b2c3d4e')
    expect(lines[0]).toContain('\\u001b[2J\\u202e')
    expect(lines[0]).not.toMatch(/[\u001b\u202e]/)
  })

  it('ends a wait however the work settles', async () => {
    const { progress, lines, at } = progressOnTestClock()
    await expect(waitingFor(progress, 'the API server', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
    expect(await waitingFor(progress, 'the API server', async () => 'v1.30.0')).toBe('v1.30.0')
    at(10_000)
    expect(lines).toEqual([])
  })
})
