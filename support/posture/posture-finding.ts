import { redactEnvValue } from '../secrets/index.ts'

/** The posture rules; a stable vocabulary. `not-inspected` is a note, never a violation. */
export type PostureRule =
  | 'live-broker-host'
  | 'alpaca-url-not-paper'
  | 'trading-mode-not-paper'
  | 'agent-mode-live'
  | 'execution-enabled'
  | 'staleness-bypass'
  | 'not-inspected'

/** One finding about one variable (or ConfigMap key) of one object. */
export interface PostureFinding {
  /** `Kind/namespace/name`, e.g. `Deployment/trading-floor/execution-engine` or `ConfigMap/trading-floor/x`. */
  object: string
  /** The container (init containers included); `null` for a ConfigMap's data. */
  container: string | null
  /** The variable, or the ConfigMap key. */
  variable: string
  /** The value seen, redacted when the name says secret; `not inspected (Secret)` and the like when unseen. */
  value: string
  /** The rule. */
  rule: PostureRule
  /** Whether this finding is a violation (a `not-inspected` note is not). */
  violation: boolean
  /** What was found and why it matters, for an operator. */
  message: string
}

/**
 * Builds a finding: the value is redacted when the variable's name says secret, and every rule but
 * `not-inspected` is a violation.
 */
export function createFinding(finding: Omit<PostureFinding, 'violation'>): PostureFinding {
  return { ...finding, value: redactEnvValue(finding.variable, finding.value), violation: finding.rule !== 'not-inspected' }
}

/** A note that a variable's value was not looked at: `not inspected (Secret)` and the like. */
export function createNotInspected(object: string, container: string | null, variable: string, label: string, why: string): PostureFinding {
  return createFinding({
    object,
    container,
    variable,
    value: `not inspected (${label})`,
    rule: 'not-inspected',
    message: `${variable} ${why}; openbell does not read it, so its value is not judged`,
  })
}
