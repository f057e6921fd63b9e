/**
 * The session gate's Alpaca calendar authority against the Alpaca paper stand-in, through the live-host guard:
 * the stand-in's `/v2/calendar` and the shipped calendar agree on trading days, closures and early closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAlpacaPaperHandlers } from '../../emulators/alpaca/index.ts'
import { createShippedCalendarAuthority, lookUpTargetSession } from '../../support/calendar/index.ts'
import { createAlpacaCalendarAuthority } from '../../support/alpaca/alpaca-calendar-authority.ts'
import { installNetworkGuard, type NetworkGuard } from '../../support/guard/index.ts'

const ENV = { APCA_API_KEY_ID: 'PKSTANDIN0002', APCA_API_SECRET_KEY: 'standin-secret-0002' }
let guard: NetworkGuard

beforeAll(() => {
  guard = installNetworkGuard({ onViolation: () => {} })
  guard.use(...createAlpacaPaperHandlers())
})

afterAll(() => guard.close())

describe('the Alpaca paper calendar as the session authority', () => {
  const alpaca = createAlpacaCalendarAuthority({ env: ENV })
  const shipped = createShippedCalendarAuthority()

  it.each(['2026-01-14', '2026-11-27', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-12-31'])(
    '%s: the same verdict as the shipped calendar',
    async (session) => {
      const now = new Date('2026-01-13T15:00:00Z')
      const [fromAlpaca, fromShipped] = await Promise.all([lookUpTargetSession(alpaca, session, now), lookUpTargetSession(shipped, session, now)])
      expect(fromAlpaca.judgement.status).toBe(fromShipped.judgement.status)
      expect(fromAlpaca.judgement.session).toEqual(fromShipped.judgement.session)
    },
  )

  it('picks the next session after the close by default', async () => {
    expect((await lookUpTargetSession(alpaca, null, new Date('2026-12-24T18:30:00Z'))).date).toBe('2026-12-28')
  })

  it('says nothing for a date past its data: unverified, not closed', async () => {
    expect((await lookUpTargetSession(alpaca, '2028-01-03', new Date('2026-01-13T15:00:00Z'))).judgement.status).toBe('unverified')
  })

  it('tripped no guard', () => {
    expect(guard.violations()).toEqual([])
  })
})
