import type { FirestoreReader } from '../data/index.ts'
import { firstLineOf, isCouldNotCheck } from '../errors.ts'
import type { Judgement } from '../judgement.ts'
import {
  DATA_SEEDED_CHECKS,
  DATA_SEEDED_CHECK_IDS,
  type DataSeededCheckId,
  judgeGexFreshness,
  judgeGexOverlay,
  judgeGoldenSweeps,
  judgeSentimentSectors,
  judgeSystemStatus,
  judgeTradeFreshness,
  judgeWhaleTrades,
} from '../data/index.ts'

/** The outcome of one check of the read-back. */
export interface ReadBackCheck {
  readonly check: DataSeededCheckId
  readonly title: string
  /** `unverified` when the read could not look; never `pass` then. */
  readonly status: 'pass' | 'fail' | 'unverified'
  readonly reason: string
}

/** Options of {@link readBackFloorData}. */
export interface ReadBackOptions {
  /** The clock the freshness and golden-sweep rules use. */
  now: Date
  /** The newest trade may be at most this old. */
  maxTradeAgeSeconds: number
  /** The GEX overlay may be at most this old. */
  maxGexAgeSeconds: number
}

type Judge = () => Promise<Judgement>

/**
 * Reads the floor's data back through the gate's own reader and policies, one outcome per `data-seeded` check, in
 * the gate's order. What the gate would fail, this fails; what it could not check stays unverified.
 */
export async function readBackFloorData(reader: FirestoreReader, options: ReadBackOptions): Promise<ReadBackCheck[]> {
  const judges: Record<DataSeededCheckId, Judge> = {
    'sentiment-sectors': async () => judgeSentimentSectors(await reader.readSentimentSectors()),
    'whale-flow-trades': async () => judgeWhaleTrades(await reader.readWhaleTrades()),
    'whale-flow-fresh': async () => judgeTradeFreshness(await reader.readWhaleTrades(), options.now, options.maxTradeAgeSeconds),
    'golden-sweep': async () => judgeGoldenSweeps(await reader.readWhaleTrades(), options.now),
    'gex-overlay-document': async () => judgeSystemStatus(await reader.readSystemStatus()),
    'gex-overlay-fresh': async () => judgeGexFreshness(await reader.readSystemStatus(), options.now, options.maxGexAgeSeconds),
    'gex-overlay-first': async () => judgeGexOverlay(await reader.readOpsCollection()),
  }
  return await Promise.all(
    DATA_SEEDED_CHECK_IDS.map(async (check): Promise<ReadBackCheck> => {
      const title = DATA_SEEDED_CHECKS[check]
      try {
        const { status, reason } = await judges[check]()
        // @note no data rule answers optional; were one to, the read-back could not vouch for the data: unverified.
        return { check, title, status: status === 'optional' ? 'unverified' : status, reason }
      } catch (error) {
        // @note fail-closed: whatever kept a check from looking leaves it unverified, with the reason.
        const reason = firstLineOf(error)
        return { check, title, status: 'unverified', reason: isCouldNotCheck(error) ? reason : `the read-back crashed: ${reason}` }
      }
    }),
  )
}
