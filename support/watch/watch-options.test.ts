import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { redactText } from '../secrets/index.ts'
import { resolveWatchOptions, WATCH_DEFAULTS } from '../config/index.ts'
import { watchEnd } from './watch-end.ts'

describe('resolveWatchOptions', () => {
  it('defaults to every 30 s, metrics on 127.0.0.1:9464, no notification, no halt', () => {
    expect(resolveWatchOptions({})).toEqual({ intervalSeconds: 30, until: null, metricsPort: 9464, metricsHost: '127.0.0.1', notify: [], haltOnFail: false })
    expect(WATCH_DEFAULTS.minIntervalSeconds).toBe(5)
  })

  it.each([
    [{ interval: '4' }, /--interval 4 is below the minimum of 5 seconds/],
    [{ interval: '1e3' }, /--interval "1e3" is not a whole number/],
    [{ until: '25:00' }, /--until "25:00" is not a New York time of the form HH:MM/],
    [{ 'metrics-port': '70000' }, /--metrics-port 70000 is not a TCP port/],
    [{ 'metrics-host': 'example.com' }, /--metrics-host "example.com" is not an IP address/],
  ])('refuses %j as a usage error', (values, message) => {
    expect(() => resolveWatchOptions(values)).toThrow(UsageError)
    expect(() => resolveWatchOptions(values)).toThrow(message)
  })

  it('takes --notify repeated and OPENBELL_NOTIFY separated by blanks, and registers each URL as a secret', () => {
    const first = 'https://hooks.example.com/services/T0/B0/watchOptionsToken0123456789'
    const second = 'https://alerts.example.com/hook?token=watchOptionsQueryToken42'
    expect(resolveWatchOptions({ notify: [first, `  ${second}`] }).notify).toEqual([first, second])
    expect(redactText(`posting to ${first} and ${second}`)).not.toMatch(/watchOptions(Query)?Token/)
  })

  it('never echoes a notify URL in its usage error: it may hold a token', () => {
    const bad = 'ftp://user:watchOptionsSecret99@example.com/hook'
    expect(() => resolveWatchOptions({ notify: bad })).toThrow(/--notify URL number 1 is not an http\(s\) URL/)
    try {
      resolveWatchOptions({ notify: bad })
    } catch (error) {
      expect(String(error)).not.toContain('watchOptionsSecret99')
    }
  })
})

describe('resolveWatchOptions and the live broker host', () => {
  it.each(['https://api.alpaca.markets/hook?token=liveHostNotifyToken1', 'http://API.Alpaca.Markets./x', 'https://api.alpaca.markets:8443/'])(
    'refuses a --notify URL on the live broker host (%#), without echoing it',
    (url) => {
      expect(() => resolveWatchOptions({ notify: url })).toThrow(/--notify URL number 1 points at Alpaca's live broker host/)
      try {
        resolveWatchOptions({ notify: url })
      } catch (error) {
        expect(String(error)).not.toMatch(/liveHostNotifyToken1|alpaca\.markets/i)
      }
    },
  )

  it('takes the paper host and any other host', () => {
    expect(resolveWatchOptions({ notify: 'https://paper-api.alpaca.markets/hook' }).notify).toHaveLength(1)
  })
})

describe('watchEnd', () => {
  it("ends at the session's close: 16:00 New York, or the early close from the calendar", () => {
    expect(watchEnd(new Date('2026-12-02T14:00:00Z'), { session: null, until: null })).toMatchObject({ endsAt: new Date('2026-12-02T21:00:00Z'), session: '2026-12-02' })
    const blackFriday = watchEnd(new Date('2026-11-27T14:00:00Z'), { session: null, until: null })
    expect(blackFriday).toMatchObject({ endsAt: new Date('2026-11-27T18:00:00Z'), session: '2026-11-27' })
    expect(blackFriday.why).toContain('early close at 13:00')
  })

  it('after the close guards the next session; --until overrides the end with a New York time of today', () => {
    expect(watchEnd(new Date('2026-12-04T22:00:00Z'), { session: null, until: null })).toMatchObject({ session: '2026-12-07', endsAt: new Date('2026-12-07T21:00:00Z') })
    expect(watchEnd(new Date('2026-12-02T14:00:00Z'), { session: null, until: '10:15' })).toMatchObject({ endsAt: new Date('2026-12-02T15:15:00Z') })
  })
})
