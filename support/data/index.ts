/**
 * AgentTrader's data in Firestore: the collection contracts, the bounded reader the specs use, and the data-seeded
 * judgements.
 *
 * The public surface of support/data/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { DATA_SEEDED_CHECKS, DATA_SEEDED_CHECK_IDS, type DataSeededCheckId } from './data-seeded-checks.ts'
export { type FirestoreReader, createFirestoreReader } from './firestore-reader.ts'
export { isGoldenSweep } from './golden-sweep.ts'
export { type GexFreshnessJudgement, judgeGexFreshness } from './judge-gex-freshness.ts'
export { type GexOverlayJudgement, judgeGexOverlay } from './judge-gex-overlay.ts'
export { type GoldenSweepsJudgement, judgeGoldenSweeps } from './judge-golden-sweeps.ts'
export { type SentimentSectorsJudgement, judgeSentimentSectors } from './judge-sentiment-sectors.ts'
export { judgeSystemStatus } from './judge-system-status.ts'
export { type TradeFreshnessJudgement, judgeTradeFreshness } from './judge-trade-freshness.ts'
export { type WhaleTradesJudgement, judgeWhaleTrades } from './judge-whale-trades.ts'
export { SECTOR_IDS, SECTOR_TABLE, SENTIMENT_SECTORS_PATH, type SectorId } from './sentiment-contract.ts'
export {
  type SystemStatus,
  VOLATILITY_BIASES,
  opsCollectionPath,
  systemStatusPath,
  whaleTradeSchema,
  whaleTradesPath,
} from './whale-trade-contract.ts'
