import type { Judgement } from '../judgement.ts'
import type { ObservedDocument } from '../firestore/index.ts'
import { coerceNumber, daysToExpiry, GOLDEN_SWEEP_DTE_BELOW, GOLDEN_SWEEP_PREMIUM_ABOVE, isGoldenSweep } from './golden-sweep.ts'
import { tradesTheUiShows, type WhaleTradesObservation } from './judge-whale-trades.ts'

/** A trade summarised by what the golden-sweep rule reads. */
export interface GoldenSweepCandidate {
  readonly id: string
  readonly symbol: unknown
  /** The premium as the UI reads it (`coerceNumber`, else 0). */
  readonly premium: number
  /** Days to expiry as the UI computes them. */
  readonly daysToExpiry: number
}

/** The judgement of the Golden Sweep requirement; on a failure the findings are the trades that came closest. */
export interface GoldenSweepsJudgement extends Judgement<GoldenSweepCandidate> {
  /** How many of the trades the UI shows are golden (recorded, never asserted: regular trades can qualify too). */
  readonly count: number
  /** The newest golden sweep, the evidence of a pass. */
  readonly qualifying: GoldenSweepCandidate | null
  /** The newest golden sweep's whole document. */
  readonly qualifyingDocument: ObservedDocument | null
}

/**
 * Judges runbook §2B "at least one Golden Sweep": among the trades the UI shows, at least one satisfies the UI's
 * exact rule (`isGoldenSweep`: premium > 1,000,000 and 0 < DTE < 14, all strict). "Exactly N" is never asked:
 * the seeder's regular trades can be golden too (reference §2.5).
 * @example judgeGoldenSweeps({ path, documents }, new Date())
 */
export function judgeGoldenSweeps(observation: WhaleTradesObservation, now: Date): GoldenSweepsJudgement {
  const candidates = tradesTheUiShows(observation.documents).map((document) => ({
    document,
    golden: isGoldenSweep(document.data, now),
    candidate: {
      id: document.id,
      symbol: document.data.symbol,
      premium: coerceNumber(document.data.premium) ?? 0,
      daysToExpiry: daysToExpiry(document.data, now),
    },
  }))
  const golden = candidates.filter((entry) => entry.golden)
  const rule = `premium > $${GOLDEN_SWEEP_PREMIUM_ABOVE.toLocaleString('en-US')} and 0 < days to expiry < ${GOLDEN_SWEEP_DTE_BELOW}, both strict`
  if (golden.length > 0) {
    const first = golden[0]!.candidate
    return {
      qualifyingDocument: golden[0]!.document,
      status: 'pass',
      reason: `${golden.length} of ${candidates.length} trades are Golden Sweeps (${rule}), e.g. ${describe(first)}`,
      count: golden.length,
      qualifying: first,
      findings: [],
    }
  }
  const closest = candidates
    .map((entry) => entry.candidate)
    .sort((a, b) => b.premium - a.premium)
    .slice(0, 3)
  return {
    status: 'fail',
    reason:
      `none of the ${candidates.length} trades the Whale Flow UI shows from ${observation.path} is a Golden Sweep (${rule})` +
      `${closest.length > 0 ? `; largest premiums: ${closest.map(describe).join(', ')}` : ''}. Seed golden sweeps (\`openbell seed --golden-sweeps 5\`)`,
    count: 0,
    qualifying: null,
    qualifyingDocument: null,
    findings: closest,
  }
}

function describe(candidate: GoldenSweepCandidate): string {
  return `${candidate.id} (${String(candidate.symbol)}, premium ${candidate.premium}, DTE ${candidate.daysToExpiry})`
}
