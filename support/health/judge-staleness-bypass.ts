import type { Judgement } from '../judgement.ts'
import type { PostureFinding } from '../posture/index.ts'

/**
 * Judges the findings of `findStalenessBypass` (pre-market step 3b), fail-closed: any truthy flag is a bypass
 * (`fail`); a flag whose value comes from a Secret or another source openbell does not read leaves the step
 * `unverified`, never passed. The findings are every flag found.
 */
export function judgeStalenessBypass(findings: readonly PostureFinding[]): Judgement<PostureFinding> {
  const describe = (finding: PostureFinding) =>
    `${finding.object} container ${finding.container ?? '-'}: ${finding.message}`
  const violations = findings.filter((finding) => finding.violation)
  if (violations.length > 0) {
    return { status: 'fail', reason: `the market-data staleness check is bypassed: ${violations.map(describe).join('; ')}`, findings }
  }
  if (findings.length > 0) {
    return { status: 'unverified', reason: `a staleness bypass flag could not be read: ${findings.map(describe).join('; ')}`, findings }
  }
  return { status: 'pass', reason: 'no workload sets MARKETDATA_HEALTH_CHECK_DISABLED or MARKETDATA_FORCE_STALE to a true value', findings }
}
