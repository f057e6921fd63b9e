import type { Judgement } from '../judgement.ts'
import { judgeHttpStatus, type EndpointAnswer } from './http-status.ts'
import { judgeOpsStatus } from '../metrics/index.ts'

/**
 * Judges a service's `/ops/status` answer (runbook §4A): HTTP 200 with a body that matches the OpsStatus contract
 * or the legacy `{status, service}` shape; non-JSON, truncated JSON and an HTML error page from a proxy fail.
 * @example judgeOpsStatusEndpoint('strategy-engine', await observeEndpoint(kube, evidence, service, '/ops/status'))
 */
export function judgeOpsStatusEndpoint(service: string, answer: EndpointAnswer): Judgement<never> {
  const http = judgeHttpStatus(`${service} /ops/status`, answer.status)
  if (http.status !== 'pass') return http
  const { shape, reason } = judgeOpsStatus(answer.body, answer.contentType)
  return { status: shape === 'invalid' ? 'fail' : 'pass', reason: `${service} /ops/status: ${reason}`, findings: [] }
}
