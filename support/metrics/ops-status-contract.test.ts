import { describe, expect, it } from 'vitest'
import { secretRegistry } from '../secrets/index.ts'
import { judgeOpsStatus } from './ops-status-contract.ts'

describe('judgeOpsStatus: a body that is not JSON', () => {
  it('quotes its start with a known credential scrubbed before the cut, so no part of it shows', () => {
    const secret = 'canary-ops-status-secret-0123456789'
    secretRegistry.add(secret)
    // @note the secret straddles the 80-character quote.
    const judgement = judgeOpsStatus(`<html>${'x'.repeat(60)} ${secret}</html>`, 'text/html')
    expect(judgement).toMatchObject({ shape: 'invalid' })
    expect(JSON.stringify(judgement)).toContain('the body is an HTML page')
    expect(JSON.stringify(judgement)).not.toMatch(/canary/)
  })
})
