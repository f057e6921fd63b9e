import type { Judgement } from '../judgement.ts'
import { EXECUTION_FLAGS, EXECUTION_WORKLOAD_NAME } from './find-posture-violations.ts'
import type { PostureFinding, PostureRule } from './posture-finding.ts'
import { PAPER_TRADING_BASE_URL } from '../network/index.ts'

/** The four sides of the paper posture the `paper-execution` gate checks one by one; a stable vocabulary. */
export const PAPER_POSTURE_ASPECTS = ['broker-host', 'trading-mode', 'agent-mode', 'execution'] as const

/** One of {@link PAPER_POSTURE_ASPECTS}. */
export type PaperPostureAspect = (typeof PAPER_POSTURE_ASPECTS)[number]

/**
 * The judgement of one aspect of the paper posture: `pass` when nothing is wrong; `fail` with the violations as
 * findings; `unverified` when there is no violation but a value it depends on is hidden (Secrets, fieldRefs, missing
 * ConfigMaps), with those notes as findings. The reason names each object and variable.
 */
export type PaperPostureJudgement = Judgement<PostureFinding>

interface AspectRule {
  rules: readonly PostureRule[]
  /** Whether a hidden variable of this name, on this object, could hide a violation of the aspect. */
  dependsOn: (variable: string, object: string) => boolean
  ok: string
}

const ASPECTS: Readonly<Record<PaperPostureAspect, AspectRule>> = Object.freeze({
  'broker-host': {
    rules: ['live-broker-host', 'alpaca-url-not-paper'],
    dependsOn: (variable) => /URL|HOST|ENDPOINT/i.test(variable),
    ok: `every Alpaca trading host named in workload env and ConfigMap data is ${PAPER_TRADING_BASE_URL}`,
  },
  'trading-mode': {
    rules: ['trading-mode-not-paper'],
    dependsOn: (variable) => variable === 'TRADING_MODE',
    ok: 'TRADING_MODE is "paper" wherever it is set',
  },
  'agent-mode': {
    rules: ['agent-mode-live'],
    dependsOn: (variable) => variable === 'AGENT_MODE',
    ok: 'no workload runs with AGENT_MODE LIVE or EXECUTE',
  },
  execution: {
    rules: ['execution-enabled'],
    dependsOn: (variable, object) => EXECUTION_FLAGS.includes(variable) && EXECUTION_WORKLOAD_NAME.test(object.split('/').at(-1) ?? ''),
    ok: `no execution workload with pods has ${EXECUTION_FLAGS.join(' or ')} on`,
  },
})

/**
 * Judges one aspect of the paper posture from the findings of `findPostureViolations`: any violation of its rules
 * fails; otherwise a hidden value it depends on (an `envFrom` Secret may define any variable) leaves it unverified,
 * never a pass.
 */
export function judgePaperPosture(findings: readonly PostureFinding[], aspect: PaperPostureAspect): PaperPostureJudgement {
  const rule = ASPECTS[aspect]
  const violations = findings.filter((finding) => finding.violation && rule.rules.includes(finding.rule))
  const notInspected = findings.filter(
    (finding) =>
      finding.rule === 'not-inspected' && (finding.variable.endsWith('*') || rule.dependsOn(finding.variable, finding.object)),
  )
  if (violations.length > 0) {
    return { status: 'fail', reason: violations.map(describeFinding).join('; '), findings: violations }
  }
  if (notInspected.length > 0) {
    return { status: 'unverified', reason: `cannot tell whether ${rule.ok}: ${notInspected.map(describeFinding).join('; ')}`, findings: notInspected }
  }
  return { status: 'pass', reason: rule.ok, findings: [] }
}

/** `Deployment/ns/name container c: <message>`, or `ConfigMap/ns/name: <message>` for ConfigMap data. */
function describeFinding(finding: PostureFinding): string {
  return `${finding.object}${finding.container === null ? '' : ` container ${finding.container}`}: ${finding.message}`
}
