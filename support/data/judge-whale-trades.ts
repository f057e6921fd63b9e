import type { Judgement } from '../judgement.ts'
import type { ObservedDocument } from '../firestore/index.ts'
import { describeSchemaProblem } from './describe-schema-problem.ts'
import { whaleTradeSchema } from './whale-trade-contract.ts'

/** The Whale Flow UI's trades query (`useWhaleFlow.ts`, reference §2.4), in words, for messages. */
export const WHALE_FLOW_QUERY = "orderBy('timestamp', 'desc').limit(100)"

/** What the Whale Flow UI's query returned. */
export interface WhaleTradesObservation {
  /** The trades collection, `tenants/{t}/market_intelligence/options_flow/live`. */
  readonly path: string
  /** The documents, newest first. */
  readonly documents: readonly ObservedDocument[]
}

/** The judgement of the trades the Whale Flow UI would show; the findings are the trades that lack a field it reads, or have the wrong type. */
export interface WhaleTradesJudgement extends Judgement<{ readonly id: string; readonly problem: string }> {
  /** How many trades the UI shows. */
  readonly shown: number
  /** Ids of documents without a `timestamp` field, which the UI's query leaves out. */
  readonly withoutTimestamp: readonly string[]
}

/**
 * The documents the UI shows: those with a `timestamp` field.
 * @note Cloud Firestore's `orderBy('timestamp')` leaves out documents without the field; the pure-Node emulator
 * keeps them (sorted last). Setting them aside here gives the same answer on both.
 */
export function tradesTheUiShows(documents: readonly ObservedDocument[]): ObservedDocument[] {
  return documents.filter((document) => document.data.timestamp !== undefined)
}

/**
 * Judges the result of the UI's trades query (reference §2.2, §2.4): at least one trade, and every trade with the
 * fields the UI reads, of the right types (`whaleTradeSchema`).
 * @example judgeWhaleTrades({ path, documents }) // { status: 'pass', shown: 55, … }
 */
export function judgeWhaleTrades(observation: WhaleTradesObservation): WhaleTradesJudgement {
  const shown = tradesTheUiShows(observation.documents)
  const withoutTimestamp = observation.documents.filter((document) => document.data.timestamp === undefined).map((d) => d.id)
  const invalid = shown.flatMap((document) => {
    const parsed = whaleTradeSchema.safeParse(document.data)
    return parsed.success ? [] : [{ id: document.id, problem: describeSchemaProblem(parsed.error) }]
  })
  const base = { shown: shown.length, findings: invalid, withoutTimestamp }
  if (shown.length === 0) {
    const n = withoutTimestamp.length
    const hidden = n > 0 ? ` (${n} document${n === 1 ? ' lacks' : 's lack'} a timestamp, which the query leaves out)` : ''
    return {
      ...base,
      status: 'fail',
      reason:
        `the Whale Flow query ${WHALE_FLOW_QUERY} on ${observation.path} returns no trades${hidden}: the page would be empty. ` +
        'Seed with `openbell seed --tenant-id ID` or scripts/seed_whale_flow_data.py',
    }
  }
  if (invalid.length > 0) {
    const listed = invalid.slice(0, 3).map(({ id, problem }) => `${id}: ${problem}`).join('; ')
    return {
      ...base,
      status: 'fail',
      reason:
        `${invalid.length} of the ${shown.length} trades the Whale Flow UI shows from ${observation.path} lack a field it reads ` +
        `or have the wrong type (${listed}${invalid.length > 3 ? '; …' : ''})`,
    }
  }
  return { ...base, status: 'pass', reason: `${shown.length} trades, each with the fields the Whale Flow UI reads` }
}
