import { describe, expect, it } from 'vitest'
import type { ObservedDocument } from '../firestore/index.ts'
import { judgeSentimentSectors } from './judge-sentiment-sectors.ts'
import { SECTOR_TABLE, SENTIMENT_SECTORS_PATH } from './sentiment-contract.ts'

const doc = (id: string, data: Record<string, unknown>): ObservedDocument => ({ id, path: `${SENTIMENT_SECTORS_PATH}/${id}`, data })
const SEEDED = SECTOR_TABLE.map((sector) =>
  doc(sector.id, { value: sector.value, sentiment: sector.sentiment, leadingTicker: sector.leadingTicker, description: sector.description }),
)
const without = (id: string) => SEEDED.filter((document) => document.id !== id)
const replaced = (id: string, data: Record<string, unknown>) => SEEDED.map((document) => (document.id === id ? doc(id, data) : document))
const AAPL = doc('AAPL', { symbol: 'AAPL', marketCap: 3000, sentimentScore: 0.4 })

describe('judgeSentimentSectors', () => {
  it('passes the 11 seeded sectors and nothing else', () => {
    expect(judgeSentimentSectors({ documents: SEEDED, total: 11 })).toEqual({
      status: 'pass',
      reason: 'marketData/sentiment/sectors holds exactly the 11 sector documents, each with value > 0, sentiment in [-1, 1] and a leadingTicker',
      missing: [],
      findings: [],
      extra: { count: 0, ids: [] },
    })
  })

  it.each([
    {
      name: 'a missing sector',
      observation: { documents: without('Real Estate'), total: 10 },
      reason:
        'marketData/sentiment/sectors lacks 1 of the 11 sector documents: "Real Estate"; the heatmap would show 10 sectors; ' +
        'reseed with `openbell seed` or scripts/seed_sentiment_data.py',
    },
    {
      name: 'an empty collection',
      observation: { documents: [], total: 0 },
      reason:
        'marketData/sentiment/sectors lacks 11 of the 11 sector documents: "Technology", "Healthcare", "Financials", ' +
        '"Consumer Discretionary", "Communication Services", "Industrials", "Consumer Staples", "Energy", "Utilities", ' +
        '"Real Estate", "Materials"; the heatmap would show 0 sectors; reseed with `openbell seed` or scripts/seed_sentiment_data.py',
    },
    {
      name: 'a per-stock document among the sectors (reference §1.6)',
      observation: { documents: [...SEEDED, AAPL], total: 12 },
      reason:
        'marketData/sentiment/sectors holds 1 document besides the 11 sectors ("AAPL"); the heatmap draws every document as a ' +
        'tile, and per-stock documents read as sentiment 0. Delete them',
    },
    {
      name: '20 stock documents, of which the bounded listing saw one',
      observation: { documents: [...SEEDED, AAPL], total: 31 },
      reason:
        'marketData/sentiment/sectors holds 20 documents besides the 11 sectors ("AAPL", …); the heatmap draws every document ' +
        'as a tile, and per-stock documents read as sentiment 0. Delete them',
    },
    {
      name: 'more documents counted than listed, none named',
      observation: { documents: SEEDED, total: 13 },
      reason:
        'marketData/sentiment/sectors holds 2 documents besides the 11 sectors; the heatmap draws every document as a tile, ' +
        'and per-stock documents read as sentiment 0. Delete them',
    },
    {
      name: 'a sentiment out of range',
      observation: { documents: replaced('Energy', { value: 1, sentiment: -1.2, leadingTicker: 'XOM' }) },
      reason:
        '"Energy" breaks the heatmap contract: sentiment: Too small: expected number to be >=-1; ' +
        'reseed with `openbell seed` or scripts/seed_sentiment_data.py',
    },
    {
      name: 'value 0 and leading_ticker (the UI would show 100 and no ticker)',
      observation: { documents: replaced('Utilities', { value: 0, sentiment: 0.1, leading_ticker: 'NEE' }) },
      reason:
        '"Utilities" breaks the heatmap contract: value: Too small: expected number to be >0, leadingTicker: Invalid input: ' +
        'expected string, received undefined; reseed with `openbell seed` or scripts/seed_sentiment_data.py',
    },
    {
      name: 'a missing sector and an extra document at once',
      observation: { documents: [...without('Materials'), doc('materials', SEEDED[10]!.data)] },
      reason:
        'marketData/sentiment/sectors lacks 1 of the 11 sector documents: "Materials"; the heatmap would show 10 sectors; ' +
        'marketData/sentiment/sectors holds 1 document besides the 11 sectors ("materials"); the heatmap draws every document ' +
        'as a tile, and per-stock documents read as sentiment 0. Delete them; reseed with `openbell seed` or scripts/seed_sentiment_data.py',
    },
  ])('fails $name', ({ observation, reason }) => {
    const judgement = judgeSentimentSectors(observation)
    expect(judgement.status).toBe('fail')
    expect(judgement.reason).toBe(reason)
  })

  it('reports missing, invalid and extra documents separately', () => {
    const judgement = judgeSentimentSectors({ documents: [...replaced('Energy', { value: 1, sentiment: 2, leadingTicker: 'XOM' }).slice(1), AAPL], total: 40 })
    expect(judgement.missing).toEqual(['Technology'])
    expect(judgement.findings).toEqual([{ id: 'Energy', problem: 'sentiment: Too big: expected number to be <=1' }])
    expect(judgement.extra).toEqual({ count: 30, ids: ['AAPL'] })
  })
})
