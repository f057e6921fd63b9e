/** The outcome of one cluster-health rule: ok, the reason an operator reads, and what it found. */
export interface HealthJudgement<T> {
  /** True when the rule found nothing wrong. */
  ok: boolean
  /** What was found; every finding named by its object (and container). */
  reason: string
  /** The findings, in the order of the objects listed. */
  findings: T[]
}

/** Builds a {@link HealthJudgement}: ok when there is no finding, else a reason listing each one. */
export function judgeFindings<T>(findings: T[], describe: (finding: T) => string, okReason: string, summary: string): HealthJudgement<T> {
  if (findings.length === 0) return { ok: true, reason: okReason, findings }
  return { ok: false, reason: `${summary}: ${findings.map(describe).join('; ')}`, findings }
}
