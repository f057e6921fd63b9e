import type { Judgement } from '../judgement.ts'

/** What an endpoint answered: its HTTP status, content type and body. */
export interface EndpointAnswer {
  readonly status: number
  readonly contentType: string | null
  readonly body: string
}

/**
 * Judges an endpoint's HTTP status: only 200 passes. `what` names the endpoint (`strategy-engine /ops/status`).
 * @example judgeHttpStatus('strategy-engine /ops/status', 503).reason // 'strategy-engine /ops/status HTTP status: expected 503 to be 200'
 */
export function judgeHttpStatus(what: string, status: number): Judgement<never> {
  // @note the wording is the one reports and waivers have always shown for a wrong status; keep it.
  if (status === 200) return { status: 'pass', reason: `${what} answered HTTP 200`, findings: [] }
  return { status: 'fail', reason: `${what} HTTP status: expected ${status} to be 200`, findings: [] }
}
