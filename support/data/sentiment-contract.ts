import { z } from 'zod'

/**
 * The Sentiment Heatmap's Firestore contract (reference `agenttrader-v2.md` §1): a global collection of 11
 * sector documents whose ids contain spaces. This table is the one source of truth for the contract and
 * the seeder.
 */

/** The collection the heatmap reads: `marketData` / `sentiment` / `sectors`. Global, not tenant-scoped. */
export const SENTIMENT_SECTORS_PATH = 'marketData/sentiment/sectors'

/** What `scripts/seed_sentiment_data.py:SECTOR_DATA` writes, in its order. */
export const SECTOR_TABLE = Object.freeze([
  { id: 'Technology', value: 1_500_000_000_000, sentiment: 0.75, leadingTicker: 'NVDA', description: 'AI and semiconductor boom driving strong sentiment' },
  { id: 'Healthcare', value: 1_200_000_000_000, sentiment: 0.05, leadingTicker: 'UNH', description: 'Stable but facing regulatory headwinds' },
  { id: 'Financials', value: 1_100_000_000_000, sentiment: 0.35, leadingTicker: 'JPM', description: 'Benefiting from higher interest rates' },
  { id: 'Consumer Discretionary', value: 950_000_000_000, sentiment: -0.25, leadingTicker: 'AMZN', description: 'Concerns about consumer spending slowdown' },
  { id: 'Communication Services', value: 850_000_000_000, sentiment: 0.42, leadingTicker: 'GOOGL', description: 'AI integration driving optimism' },
  { id: 'Industrials', value: 800_000_000_000, sentiment: 0.18, leadingTicker: 'BA', description: 'Recovery momentum with supply chain improvements' },
  { id: 'Consumer Staples', value: 750_000_000_000, sentiment: -0.12, leadingTicker: 'WMT', description: 'Defensive sector with margin pressure' },
  { id: 'Energy', value: 650_000_000_000, sentiment: -0.68, leadingTicker: 'XOM', description: 'Oil price weakness and green energy transition concerns' },
  { id: 'Utilities', value: 450_000_000_000, sentiment: -0.35, leadingTicker: 'NEE', description: 'High debt levels and rate sensitivity' },
  { id: 'Real Estate', value: 400_000_000_000, sentiment: -0.45, leadingTicker: 'PLD', description: 'Commercial real estate headwinds persist' },
  { id: 'Materials', value: 350_000_000_000, sentiment: 0.22, leadingTicker: 'LIN', description: 'Industrial demand supporting moderate optimism' },
] as const)

/** One of the 11 sector document ids, e.g. `Consumer Discretionary`. */
export type SectorId = (typeof SECTOR_TABLE)[number]['id']

/** The 11 sector document ids, in the seeder's order (the UI shows them in document-id order). */
export const SECTOR_IDS: readonly SectorId[] = Object.freeze(SECTOR_TABLE.map((sector) => sector.id))

/**
 * A sector document as the heatmap needs it: `value` > 0 (a falsy value falls back to 100 in the UI),
 * `sentiment` in [-1, 1] (the colour scale's domain), `leadingTicker` non-empty. Other fields are ignored.
 */
export const sectorDocumentSchema = z.object({
  value: z.number().positive(),
  sentiment: z.number().min(-1).max(1),
  leadingTicker: z.string().min(1),
})

/** The fields of a sector document the heatmap reads. */
export type SectorDocument = z.infer<typeof sectorDocumentSchema>
