import { describe, expect, it } from 'vitest'
import { judgeHttpStatus } from './http-status.ts'

describe('judgeHttpStatus', () => {
  it.each([
    [200, 'pass', 'strategy-engine /ops/status answered HTTP 200'],
    [503, 'fail', 'strategy-engine /ops/status HTTP status: expected 503 to be 200'],
    [204, 'fail', 'strategy-engine /ops/status HTTP status: expected 204 to be 200'],
    [301, 'fail', 'strategy-engine /ops/status HTTP status: expected 301 to be 200'],
  ])('%i → %s', (status, expected, reason) => {
    expect(judgeHttpStatus('strategy-engine /ops/status', status)).toEqual({ status: expected, reason, findings: [] })
  })
})
