/**
 * Gate `data-seeded` (its title, runbook sections and check ids: support/gates/gate-registry.ts). Proves that the
 * Firestore documents the two UI surfaces query are there, shaped as the UI reads them, recent, with a Golden Sweep,
 * and that the GEX overlay's query lands on `system_status`. Every read is bounded (a limit or a capped `count()`),
 * so the gate costs the same with 100 or 1,000,000 trades.
 */
import { describe } from 'vitest'
import {
  gateTitle,
  it,
  judgeGexFreshness,
  judgeGexOverlay,
  judgeGoldenSweeps,
  judgeSentimentSectors,
  judgeSystemStatus,
  judgeTradeFreshness,
  judgeWhaleTrades,
  toPlainData,
} from '../support/index.ts'

describe(gateTitle('data-seeded'), () => {
  it('the Sentiment Heatmap holds exactly the 11 sector documents, each well-formed', { meta: { check: 'sentiment-sectors' } }, async ({ firestore, evidence, expectJudgement }) => {
    const sectors = await firestore.readSentimentSectors()
    evidence.json('sentiment-sectors', toPlainData(sectors))
    const judgement = judgeSentimentSectors(sectors)
    evidence.values({ total: sectors.total, missing: judgement.missing, extra: judgement.extra })
    expectJudgement(judgement)
  })

  it('the Whale Flow query returns trades with the fields the UI reads', { meta: { check: 'whale-flow-trades' } }, async ({ firestore, evidence, expectJudgement }) => {
    const trades = await firestore.readWhaleTrades()
    evidence.json('whale-flow-trades', toPlainData(trades))
    const judgement = judgeWhaleTrades(trades)
    evidence.values({ shown: judgement.shown, withoutTimestamp: judgement.withoutTimestamp })
    expectJudgement(judgement)
  })

  it('the newest Whale Flow trade is recent (--max-trade-age)', { meta: { check: 'whale-flow-fresh' } }, async ({ firestore, evidence, run, expectJudgement }) => {
    const trades = await firestore.readWhaleTrades()
    evidence.json('whale-flow-trades', toPlainData(trades))
    const now = new Date()
    const judgement = judgeTradeFreshness(trades, now, run.maxTradeAgeSeconds)
    evidence.values({ now: now.toISOString(), newest: judgement.newest, ageSeconds: judgement.ageSeconds, maxTradeAgeSeconds: run.maxTradeAgeSeconds })
    expectJudgement(judgement)
  })

  it("at least one Whale Flow trade is a Golden Sweep by the UI's rule", { meta: { check: 'golden-sweep' } }, async ({ firestore, evidence, expectJudgement }) => {
    const trades = await firestore.readWhaleTrades()
    evidence.json('whale-flow-trades', toPlainData(trades))
    const judgement = judgeGoldenSweeps(trades, new Date())
    if (judgement.qualifyingDocument) evidence.json('golden-sweep', toPlainData(judgement.qualifyingDocument))
    evidence.values({ goldenSweeps: judgement.count, qualifying: judgement.qualifying })
    expectJudgement(judgement)
  })

  it('ops/system_status holds the GEX overlay fields', { meta: { check: 'gex-overlay-document' } }, async ({ firestore, evidence, expectJudgement }) => {
    const status = await firestore.readSystemStatus()
    evidence.json('gex-system-status', toPlainData(status))
    expectJudgement(judgeSystemStatus(status))
  })

  it('the GEX overlay in ops/system_status is recent (--max-gex-age)', { meta: { check: 'gex-overlay-fresh' } }, async ({ firestore, evidence, run, expectJudgement }) => {
    const status = await firestore.readSystemStatus()
    evidence.json('gex-system-status', toPlainData(status))
    const now = new Date()
    const judgement = judgeGexFreshness(status, now, run.maxGexAgeSeconds)
    evidence.values({ now: now.toISOString(), ageSeconds: judgement.ageSeconds, maxGexAgeSeconds: run.maxGexAgeSeconds })
    expectJudgement(judgement)
  })

  it("the UI's ops query returns system_status first by document id", { meta: { check: 'gex-overlay-first' } }, async ({ firestore, evidence, expectJudgement }) => {
    const ops = await firestore.readOpsCollection()
    evidence.json('gex-ops-collection', toPlainData(ops))
    const judgement = judgeGexOverlay(ops)
    evidence.values({ firstId: judgement.firstId, total: ops.total })
    expectJudgement(judgement)
  })
})
