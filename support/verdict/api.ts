/**
 * The stable vocabulary of openbell: gate ids, statuses and exit codes.
 * Operators and CI depend on every literal in this file; change one only through an issue.
 */

/** The seven gates of the market-open runbook, in runbook order. */
export const GATE_IDS = [
  'session',
  'data-seeded',
  'paper-execution',
  'kill-switch',
  'metrics',
  'marketdata-freshness',
  'cluster-health',
] as const

/** A gate id, e.g. `kill-switch`. */
export type GateId = (typeof GATE_IDS)[number]

/**
 * What became of one check.
 * - `pass`: it ran and found what the runbook requires.
 * - `fail`: it ran and found the fault.
 * - `unverified`: it could not tell (error, timeout, skip, todo, no assertion, never ran).
 * - `optional-not-run`: an optional check without its inputs; it does not change the verdict.
 */
export type CheckStatus = 'pass' | 'fail' | 'unverified' | 'optional-not-run'

/** What became of one gate: `pass` only if every required check passed. */
export type GateStatus = 'pass' | 'fail' | 'unverified'

/** The one answer of a run. */
export type Verdict = 'GO' | 'NO-GO'

/** Process exit codes of `openbell`. */
export const EXIT_CODES = Object.freeze({
  /** Every gate passed. */
  go: 0,
  /** At least one gate failed. */
  fail: 1,
  /** A usage error: a flag or value was wrong; nothing was written. */
  usage: 2,
  /** No gate failed, but at least one could not be verified. */
  unverified: 3,
})

/** One of the values of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES]

/** Where openbell runs its gates: local stand-ins, or a live cluster. */
export const ENVIRONMENTS = ['emulators', 'cluster'] as const

/** One of {@link ENVIRONMENTS}. */
export type Environment = (typeof ENVIRONMENTS)[number]
