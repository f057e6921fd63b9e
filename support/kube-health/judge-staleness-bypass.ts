import type { PostureFinding } from '../kube-posture/index.ts'

/** The judgement of pre-market step 3b: `status` is `unknown` when a bypass flag's value could not be read. */
export interface StalenessBypassJudgement {
  status: 'clear' | 'bypassed' | 'unknown'
  reason: string
}

/**
 * Judges the findings of `findStalenessBypass`, fail-closed: any truthy flag is a bypass; a flag whose value
 * comes from a Secret or another source openbell does not read leaves the step unverified, never passed.
 */
export function judgeStalenessBypass(findings: readonly PostureFinding[]): StalenessBypassJudgement {
  const describe = (finding: PostureFinding) =>
    `${finding.object} container ${finding.container ?? '-'}: ${finding.message}`
  const violations = findings.filter((finding) => finding.violation)
  if (violations.length > 0) {
    return { status: 'bypassed', reason: `the market-data staleness check is bypassed: ${violations.map(describe).join('; ')}` }
  }
  if (findings.length > 0) {
    return { status: 'unknown', reason: `a staleness bypass flag could not be read: ${findings.map(describe).join('; ')}` }
  }
  return { status: 'clear', reason: 'no workload sets MARKETDATA_HEALTH_CHECK_DISABLED or MARKETDATA_FORCE_STALE to a true value' }
}
