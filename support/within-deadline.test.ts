import { describe, expect, it } from 'vitest'
import { withinDeadline } from './within-deadline.ts'

describe('withinDeadline', () => {
  it('settles with the call when it answers in time', async () => {
    await expect(withinDeadline(Promise.resolve('answer'), 1_000, () => new Error('late'))).resolves.toBe('answer')
    await expect(withinDeadline(Promise.reject(new Error('refused')), 1_000, () => new Error('late'))).rejects.toThrow('refused')
  })

  it('rejects with the caller’s error when the call hangs', async () => {
    await expect(withinDeadline(new Promise(() => undefined), 20, () => new Error('no answer within 20 ms'))).rejects.toThrow('no answer within 20 ms')
  })
})
