import { LegacyOpsStatusSchema, OpsStatusSchema, type OpsStatus } from './index.ts'
import { redactText } from '../secrets/index.ts'

/** Which `/ops/status` contract a body matched, if any. */
export type OpsStatusJudgement =
  | { shape: 'ops-status'; status: OpsStatus; reason: string }
  | { shape: 'legacy'; reason: string }
  | { shape: 'invalid'; reason: string }

/**
 * Judges an `/ops/status` body: the OpsStatus contract, or the legacy `{status, service}` shape (reported as
 * such), or neither — non-JSON, truncated JSON and an HTML error page from a proxy are all `invalid`.
 */
export function judgeOpsStatus(body: string, contentType: string | null): OpsStatusJudgement {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    const kind = /html/i.test(contentType ?? '') || /^\s*</.test(body) ? 'an HTML page' : 'not JSON'
    return { shape: 'invalid', reason: `the body is ${kind} (content type ${contentType ?? 'none'}): ${JSON.stringify(redactText(body).slice(0, 80))}` }
  }
  const contract = OpsStatusSchema.safeParse(parsed)
  if (contract.success) {
    return { shape: 'ops-status', status: contract.data, reason: `OpsStatus: state ${contract.data.status.state}` }
  }
  if (LegacyOpsStatusSchema.safeParse(parsed).success) {
    return { shape: 'legacy', reason: 'legacy {status, service} shape (no OpsStatus contract)' }
  }
  const issue = contract.error.issues[0]
  return {
    shape: 'invalid',
    reason: `the JSON matches neither the OpsStatus contract nor the legacy shape: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
  }
}
