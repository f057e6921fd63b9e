/**
 * The stable vocabulary of openbell: gate ids, statuses and exit codes.
 * Operators and CI depend on every literal in this file and on the gate ids of gate-registry.ts; change one only
 * through an issue.
 */

import { GATE_REGISTRY, type GateId } from './gate-registry.ts'

export type { GateId } from './gate-registry.ts'

/** The seven gates of the market-open runbook, in runbook order (from support/gates/gate-registry.ts). */
export const GATE_IDS: readonly GateId[] = Object.freeze(GATE_REGISTRY.map((entry) => entry.id))

/**
 * What became of one check.
 * - `pass`: it ran and found what the runbook requires.
 * - `fail`: it ran and found the fault.
 * - `unverified`: it could not tell (error, timeout, skip, todo, no assertion, never ran).
 * - `optional-not-run`: an optional check without its inputs; it does not change the verdict.
 * - `waived`: it failed or was unverified, and a valid waiver (`--waivers`) covers it; the report keeps what it was.
 */
export type CheckStatus = 'pass' | 'fail' | 'unverified' | 'optional-not-run' | 'waived'

/**
 * What became of one gate: `pass` only if every required check passed; `waived` if every required check passed
 * or was waived, and at least one was waived.
 */
export type GateStatus = 'pass' | 'fail' | 'unverified' | 'waived'

/** The one answer of a run. A run whose only non-passing checks are waived is `GO` (see {@link VerdictText}). */
export type Verdict = 'GO' | 'NO-GO'

/** The verdict as people read it: `GO with waivers` is a `GO` (exit 0) that leaned on at least one waiver. */
export type VerdictText = 'GO' | 'GO with waivers' | 'NO-GO'

/**
 * Gates whose checks can never be waived: the paper-only posture and the kill switch are the runbook's hard
 * safety rules. A waiver naming one of their checks makes the run NO-GO.
 * @see docs/decisions/waivers.md
 */
export const UNWAIVABLE_GATES: readonly GateId[] = Object.freeze(['paper-execution', 'kill-switch'])

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
