import { http } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installNetworkGuard, type NetworkGuard } from '../guard/index.ts'
import { judgeLiveBrokerRefusal } from './live-broker-refusal.ts'
import { probeLiveBrokerRefusal } from './probe-live-broker-refusal.ts'

const reached: string[] = []
let guard: NetworkGuard

beforeAll(() => {
  guard = installNetworkGuard({ onViolation: () => undefined })
  // @note newest first: records every request the guard let through; none may be seen.
  guard.use(http.all('*', ({ request }) => void reached.push(`${request.method} ${request.url}`)))
})

afterAll(() => guard.close())

describe('probeLiveBrokerRefusal', () => {
  it("is refused by openbell's client on both routes, before fetch, with no traffic", async () => {
    const attempts = await probeLiveBrokerRefusal()
    expect(attempts).toEqual([
      {
        route: 'client-configured-for-live-host',
        request: 'GET https://api.alpaca.markets/v2/account',
        outcome: 'refused',
        error: {
          name: 'BrokerHostRefusedError',
          message: expect.stringMatching(/^\[openbell\] refused GET https:\/\/api\.alpaca\.markets\/v2\/account before sending it \(live-host\)/),
        },
        fetchCalls: 0,
        guardViolations: 0,
      },
      {
        route: 'request-rewritten-to-live-host',
        request: 'GET https://api.alpaca.markets/v2/account',
        outcome: 'refused',
        error: {
          name: 'BrokerHostRefusedError',
          message: expect.stringMatching(/^\[openbell\] refused GET https:\/\/api\.alpaca\.markets\/v2\/account before sending it \(live-host\)/),
        },
        fetchCalls: 0,
        guardViolations: 0,
      },
    ])
    expect(judgeLiveBrokerRefusal(attempts).status).toBe('pass')
    expect(guard.violations()).toEqual([])
    expect(reached).toEqual([])
  })

  it('never puts the probe key pair into an error message', async () => {
    const attempts = await probeLiveBrokerRefusal()
    expect(JSON.stringify(attempts)).not.toMatch(/PKOPENBELLPROBE|not-a-secret/)
  })
})
