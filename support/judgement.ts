/**
 * What a rule can answer about one check; a stable vocabulary (API):
 * - `pass`: the rule looked and found nothing wrong;
 * - `fail`: the rule found a fault (the check fails, the gate is NO-GO);
 * - `unverified`: the data cannot tell (a value hidden in a Secret, a source that said nothing usable): never a pass;
 * - `optional`: the input the check compares is absent by design (a service that does not report the value), so the
 *   check is listed as "not run (optional)" and does not change the verdict. Never for a check that could not look.
 */
export const JUDGEMENT_STATUSES = Object.freeze(['pass', 'fail', 'unverified', 'optional'] as const)

/** One of {@link JUDGEMENT_STATUSES}. */
export type JudgementStatus = (typeof JUDGEMENT_STATUSES)[number]

/**
 * The one answer of every rule a gate spec calls; `expectJudgement` turns it into assert, unverified or optional,
 * so no spec maps a rule's answer by hand. A rule may add fields (ages, counts, the documents judged) for the
 * evidence; only these three decide.
 * @example { status: 'fail', reason: 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0": …', findings: [] }
 */
export interface Judgement<F = unknown> {
  /** What the rule answers. */
  readonly status: JudgementStatus
  /** One sentence for an operator: what was seen, naming each object, and what to do next. */
  readonly reason: string
  /** What the rule found, each naming its object: the faults on a fail, what it could not read when unverified. */
  readonly findings: readonly F[]
}

/**
 * Judges a list of findings: `pass` with `passReason` when there is none, else `fail` with `summary` and every
 * finding described, in order.
 * @example judgeFindings(blocked, (found) => `pod ${found.pod} …`, 'no container is blocked', `${blocked.length} container(s) cannot run`)
 */
export function judgeFindings<F>(findings: readonly F[], describe: (finding: F) => string, passReason: string, summary: string): Judgement<F> {
  if (findings.length === 0) return { status: 'pass', reason: passReason, findings }
  return { status: 'fail', reason: `${summary}: ${findings.map(describe).join('; ')}`, findings }
}
