import { describe, expect, it } from 'vitest'
import { judgeLiveBrokerRefusal, type LiveBrokerAttempt } from './live-broker-refusal.ts'

const REQUEST = 'GET https://api.alpaca.markets/v2/account'
const refused = (route: LiveBrokerAttempt['route']): LiveBrokerAttempt => ({
  route,
  request: REQUEST,
  outcome: 'refused',
  error: { name: 'BrokerHostRefusedError', message: '[openbell] refused GET https://api.alpaca.markets/v2/account before sending it (live-host)' },
  fetchCalls: 0,
  guardViolations: 0,
})
const BOTH = [refused('client-configured-for-live-host'), refused('request-rewritten-to-live-host')]

describe('judgeLiveBrokerRefusal', () => {
  it.each<{ case: string; attempts: LiveBrokerAttempt[]; reason: string; status: 'pass' | 'fail' }>([
    {
      case: 'refused on both routes',
      attempts: BOTH,
      status: 'pass',
      reason:
        "openbell's Alpaca client refused GET https://api.alpaca.markets/v2/account on every route " +
        '(client-configured-for-live-host, request-rewritten-to-live-host) before calling fetch; the network guard saw no request',
    },
    { case: 'no attempt', attempts: [], status: 'fail', reason: "no attempt was made to reach the live broker host through openbell's client" },
    {
      case: 'refused by the guard instead',
      attempts: [{ ...BOTH[0]!, outcome: 'failed', error: { name: 'FetchError', message: 'Failed to fetch' }, fetchCalls: 1, guardViolations: 1 }],
      status: 'fail',
      reason:
        "openbell's Alpaca client does not refuse the live host by itself: " +
        'GET https://api.alpaca.markets/v2/account (client-configured-for-live-host) failed with FetchError (Failed to fetch) instead of openbell\'s refusal; ' +
        'GET https://api.alpaca.markets/v2/account (client-configured-for-live-host) reached fetch 1 time(s); ' +
        'GET https://api.alpaca.markets/v2/account (client-configured-for-live-host) reached the network guard, which recorded 1 violation(s)',
    },
    {
      case: 'answered',
      attempts: [BOTH[0]!, { ...BOTH[1]!, outcome: 'answered', error: null, fetchCalls: 1 }],
      status: 'fail',
      reason:
        "openbell's Alpaca client does not refuse the live host by itself: " +
        'GET https://api.alpaca.markets/v2/account (request-rewritten-to-live-host) was answered instead of refused; ' +
        'GET https://api.alpaca.markets/v2/account (request-rewritten-to-live-host) reached fetch 1 time(s)',
    },
  ])('$case → $status', ({ attempts, status, reason }) => {
    const unclean = attempts.filter((attempt) => attempt.outcome !== 'refused' || attempt.fetchCalls > 0 || attempt.guardViolations > 0)
    expect(judgeLiveBrokerRefusal(attempts)).toEqual({ status, reason, findings: unclean })
  })
})
