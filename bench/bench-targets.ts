/** The targets of issue 8, reported next to the measurements and never asserted. */
export const BENCH_TARGETS = Object.freeze({
  /** Emulator mode, cold: process start to verdict, emulators included. */
  coldVerdictMs: 4_000,
  /** The gates alone against already-running emulators (a warm, cluster-like run). */
  warmVerdictMs: 1_000,
  /** The same warm run against the large floor. */
  largeWarmVerdictMs: 2_000,
  /** The large floor's warm time over the small floor's. */
  largeOverSmall: 1.5,
  /** A warm run over the plain baseline making the same reads. */
  warmOverBaseline: 3,
  /** Peak RSS summed over the run's process tree (openbell, vitest workers, the JVM). */
  peakRssMb: 400,
})

/** A target as the table shows it: its text, and whether the median meets it (`null`: not measured). */
export interface TargetCheck {
  text: string
  met: boolean | null
}

/**
 * Checks a median against an upper bound.
 * @example checkTarget(3_200, 4_000, '< 4000 ms') // { text: '< 4000 ms', met: true }
 */
export function checkTarget(value: number | null | undefined, limit: number, text: string, inclusive = false): TargetCheck {
  if (value === null || value === undefined || !Number.isFinite(value)) return { text, met: null }
  return { text, met: inclusive ? value <= limit : value < limit }
}
