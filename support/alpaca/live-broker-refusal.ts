import type { Judgement } from '../judgement.ts'

/** One attempt to make openbell's Alpaca client reach the live broker host, as it happened. */
export interface LiveBrokerAttempt {
  /** How the client was made to aim at the live host. */
  route: 'client-configured-for-live-host' | 'request-rewritten-to-live-host'
  /** The request attempted, e.g. `GET https://api.alpaca.markets/v2/account`. */
  request: string
  /** `refused`: openbell's client refused it itself; `failed`: some other error; `answered`: a response came back. */
  outcome: 'refused' | 'failed' | 'answered'
  /** The error's name and message (first line), or `null` when a response came back. */
  error: { name: string; message: string } | null
  /** How many times the `fetch` under the client was called (each call is a request that could leave the process). */
  fetchCalls: number
  /** How many live-host violations the network guard recorded during the attempt. */
  guardViolations: number
}

/**
 * Judges the live-host probe: every attempt must be refused by openbell's own client (`BrokerHostRefusedError`)
 * before `fetch` is called, with no violation recorded by the network guard. No attempt at all proves nothing. The
 * findings are the attempts that were not refused cleanly.
 */
export function judgeLiveBrokerRefusal(attempts: readonly LiveBrokerAttempt[]): Judgement<LiveBrokerAttempt> {
  if (attempts.length === 0) return { status: 'fail', reason: "no attempt was made to reach the live broker host through openbell's client", findings: [] }
  const unclean = attempts.filter((attempt) => attempt.outcome !== 'refused' || attempt.fetchCalls > 0 || attempt.guardViolations > 0)
  const problems = unclean.flatMap((attempt) => {
    const what = `${attempt.request} (${attempt.route})`
    const found: string[] = []
    if (attempt.outcome === 'answered') found.push(`${what} was answered instead of refused`)
    if (attempt.outcome === 'failed') {
      found.push(`${what} failed with ${attempt.error?.name ?? 'an error'} (${attempt.error?.message ?? ''}) instead of openbell's refusal`)
    }
    if (attempt.fetchCalls > 0) found.push(`${what} reached fetch ${attempt.fetchCalls} time(s)`)
    if (attempt.guardViolations > 0) found.push(`${what} reached the network guard, which recorded ${attempt.guardViolations} violation(s)`)
    return found
  })
  if (problems.length > 0) {
    return { status: 'fail', reason: `openbell's Alpaca client does not refuse the live host by itself: ${problems.join('; ')}`, findings: unclean }
  }
  const requests = [...new Set(attempts.map((attempt) => attempt.request))].join(', ')
  return {
    status: 'pass',
    findings: [],
    reason:
      `openbell's Alpaca client refused ${requests} on every route (${attempts.map((attempt) => attempt.route).join(', ')}) ` +
      'before calling fetch; the network guard saw no request',
  }
}
