import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appendViolationTo, createViolation } from '../network/index.ts'
import { countedViolationsFileOf, createViolationLedger } from './violation-ledger.ts'

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

const attempt = (file: string, url: string) => appendViolationTo(file)(createViolation(url, 'GET', 'request'))

describe('the watch counts every live-host attempt in a verdict', () => {
  it('counts in the first verdict what the runner recorded before it (the floor\'s start, the first cluster read)', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-ledger-'))
    const runner = path.join(dir, 'runner-violations.ndjson')
    const first = path.join(dir, 'one', 'evidence', 'live-host-violations.ndjson')
    attempt(runner, 'dns:api.alpaca.markets')
    expect(createViolationLedger([runner]).collect(first).map((problem) => problem.message)).toEqual([
      'a request to the live broker host was attempted and refused (while the watch started): GET dns:api.alpaca.markets',
    ])
  })

  it('counts an evaluation\'s own attempts once, and one made after its verdict in the next verdict, even into a removed folder', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-ledger-'))
    const first = path.join(dir, 'one', 'evidence', 'live-host-violations.ndjson')
    const second = path.join(dir, 'two', 'evidence', 'live-host-violations.ndjson')
    const ledger = createViolationLedger()

    attempt(first, 'https://api.alpaca.markets/v2/orders')
    expect(ledger.collect(first).map((problem) => [problem.severity, problem.message])).toEqual([
      ['fail', 'a request to the live broker host was attempted and refused: GET https://api.alpaca.markets/v2/orders'],
    ])
    expect(existsSync(countedViolationsFileOf(first)), 'what was counted stays in the evaluation\'s folder').toBe(true)
    // the first evaluation's folder is gone (unchanged: no run folder); its worker's late attempt recreates the file
    rmSync(path.join(dir, 'one'), { recursive: true })
    attempt(first, 'https://api.alpaca.markets/v2/account')
    expect(ledger.collect(second).map((problem) => problem.message)).toEqual([
      'a request to the live broker host was attempted and refused (after an earlier evaluation was decided): GET https://api.alpaca.markets/v2/account',
    ])
    // nothing new: nothing counted twice
    expect(ledger.collect(second)).toEqual([])
    attempt(second, 'https://api.alpaca.markets/v2/positions')
    expect(ledger.collect(path.join(dir, 'three.ndjson')).map((problem) => problem.message)).toEqual([
      'a request to the live broker host was attempted and refused (after an earlier evaluation was decided): GET https://api.alpaca.markets/v2/positions',
    ])
  })
})
