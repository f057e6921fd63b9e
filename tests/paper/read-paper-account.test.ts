/**
 * The optional `paper-account-active` check's reader and rule against the Alpaca paper stand-in, through the
 * live-host guard: what an active, an onboarding and a wrongly-keyed account look like to the gate.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createAlpacaPaperHandlers } from '../../emulators/alpaca/index.ts'
import { createPaperAlpacaClient } from '../../support/alpaca/alpaca-client.ts'
import { readPaperAccount } from '../../support/alpaca/read-paper-account.ts'
import { CouldNotCheckError } from '../../support/errors.ts'
import { installNetworkGuard, type NetworkGuard } from '../../support/guard/index.ts'
import { judgePaperAccount } from '../../support/alpaca/paper-account.ts'

const ENV = { APCA_API_KEY_ID: 'PKREADACCOUNT0001', APCA_API_SECRET_KEY: 'read-account-secret-0001' }
let guard: NetworkGuard | undefined

afterEach(() => {
  expect(guard?.violations()).toEqual([])
  guard?.close()
  guard = undefined
})

function standIn(options: Parameters<typeof createAlpacaPaperHandlers>[0]): void {
  guard = installNetworkGuard({ onViolation: () => undefined, handlers: createAlpacaPaperHandlers(options) })
}

describe('readPaperAccount and judgePaperAccount', () => {
  it('an active paper account passes, and only the fields that say whether it can trade are kept', async () => {
    standIn({})
    const account = await readPaperAccount(createPaperAlpacaClient({ env: ENV }))
    expect(account).toEqual({ status: 'ACTIVE', currency: 'USD', accountBlocked: false, tradingBlocked: false, tradeSuspendedByUser: false })
    expect(judgePaperAccount(account)).toEqual({ status: 'pass', reason: 'the paper account is ACTIVE and not blocked', findings: [] })
  })

  it('an onboarding account with trading blocked fails, naming both', async () => {
    standIn({ account: { status: 'ONBOARDING', trading_blocked: true } })
    const account = await readPaperAccount(createPaperAlpacaClient({ env: ENV }))
    expect(judgePaperAccount(account)).toEqual({
      status: 'fail',
      reason: 'the paper account cannot trade: status is "ONBOARDING", not "ACTIVE"; trading_blocked is true',
      findings: ['status is "ONBOARDING", not "ACTIVE"', 'trading_blocked is true'],
    })
  })

  it('a key pair the paper API refuses cannot check (401), and says what to fix', async () => {
    standIn({ credentials: { keyId: 'PKOTHER', secret: 'other' } })
    const reading = readPaperAccount(createPaperAlpacaClient({ env: ENV }))
    await expect(reading).rejects.toBeInstanceOf(CouldNotCheckError)
    await expect(reading).rejects.toThrow(
      '[openbell] GET https://paper-api.alpaca.markets/v2/account answered HTTP 401 (request is not authorized); ' +
        'check that APCA_API_KEY_ID and APCA_API_SECRET_KEY are a paper key pair',
    )
  })
})
