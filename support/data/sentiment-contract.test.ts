import { describe, expect, it } from 'vitest'
import { SECTOR_IDS, SECTOR_TABLE, SENTIMENT_SECTORS_PATH, sectorDocumentSchema } from './sentiment-contract.ts'

describe('sentiment contract', () => {
  it('has the 11 sector ids of reference §1.2, spaces included', () => {
    expect(SECTOR_IDS).toEqual([
      'Technology',
      'Healthcare',
      'Financials',
      'Consumer Discretionary',
      'Communication Services',
      'Industrials',
      'Consumer Staples',
      'Energy',
      'Utilities',
      'Real Estate',
      'Materials',
    ])
    expect(SENTIMENT_SECTORS_PATH).toBe('marketData/sentiment/sectors')
  })

  it('lists them in the UI order (document-id order) of reference §1.4', () => {
    expect([...SECTOR_IDS].sort()).toEqual([
      'Communication Services',
      'Consumer Discretionary',
      'Consumer Staples',
      'Energy',
      'Financials',
      'Healthcare',
      'Industrials',
      'Materials',
      'Real Estate',
      'Technology',
      'Utilities',
    ])
  })

  it('accepts every seeded row', () => {
    for (const row of SECTOR_TABLE) expect(sectorDocumentSchema.safeParse(row).success).toBe(true)
  })

  it.each([
    { name: 'value 0 (the UI would show 100)', doc: { value: 0, sentiment: 0.1, leadingTicker: 'NVDA' }, path: 'value' },
    { name: 'sentiment 1.01', doc: { value: 1, sentiment: 1.01, leadingTicker: 'NVDA' }, path: 'sentiment' },
    { name: 'sentiment as a string', doc: { value: 1, sentiment: '0.5', leadingTicker: 'NVDA' }, path: 'sentiment' },
    { name: 'an empty leadingTicker', doc: { value: 1, sentiment: 0, leadingTicker: '' }, path: 'leadingTicker' },
    { name: 'leading_ticker instead of leadingTicker', doc: { value: 1, sentiment: 0, leading_ticker: 'NVDA' }, path: 'leadingTicker' },
    { name: 'a per-stock doc (§1.6)', doc: { symbol: 'AAPL', marketCap: 3000, sentimentScore: 0.4 }, path: 'value' },
  ])('rejects $name', ({ doc, path }) => {
    const result = sectorDocumentSchema.safeParse(doc)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual([path])
  })
})
