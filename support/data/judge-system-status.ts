import type { Judgement } from '../judgement.ts'
import type { ObservedDocument } from '../firestore/index.ts'
import { describeSchemaProblem } from './describe-schema-problem.ts'
import { systemStatusSchema } from './whale-trade-contract.ts'

/** What was read of the GEX overlay document. */
export interface SystemStatusObservation {
  /** `tenants/{t}/ops/system_status`. */
  readonly path: string
  /** The document, or `null` when it does not exist. */
  readonly document: ObservedDocument | null
}


/**
 * Judges `tenants/{t}/ops/system_status` (reference §2.3): `net_gex` a number, `volatility_bias` one of
 * Bullish|Bearish|Neutral, `timestamp` a Firestore Timestamp.
 * @example judgeSystemStatus({ path, document: observeDocument(await readDocument(db, path)) })
 */
export function judgeSystemStatus(observation: SystemStatusObservation): Judgement<never> {
  if (observation.document === null) {
    return {
      status: 'fail',
      findings: [],
      reason: `${observation.path} does not exist: the Whale Flow GEX overlay has nothing to show. Reseed with \`openbell seed\` or scripts/seed_whale_flow_data.py`,
    }
  }
  const parsed = systemStatusSchema.safeParse(observation.document.data)
  if (!parsed.success) {
    return { status: 'fail', reason: `${observation.path} breaks the GEX overlay contract: ${describeSchemaProblem(parsed.error)}`, findings: [] }
  }
  const { net_gex, volatility_bias, timestamp } = parsed.data
  return {
    status: 'pass',
    findings: [],
    reason: `${observation.path}: net_gex ${net_gex}, volatility_bias ${volatility_bias}, timestamp ${timestamp.toDate().toISOString()}`,
  }
}
