import type { Judgement } from '../judgement.ts'
import type { ObservedDocument } from '../firestore/index.ts'
import { describeSchemaProblem } from './describe-schema-problem.ts'
import { SECTOR_IDS, SENTIMENT_SECTORS_PATH, sectorDocumentSchema, type SectorId } from './sentiment-contract.ts'

/** What was read of `marketData/sentiment/sectors`. */
export interface SentimentSectorsObservation {
  /** The collection read. @default 'marketData/sentiment/sectors' */
  readonly path?: string
  /** The sector documents read by id (those that exist) and a bounded listing of the collection, in any order. */
  readonly documents: readonly ObservedDocument[]
  /** How many documents the collection holds (a capped `count()`). @default the distinct documents given */
  readonly total?: number
}

/** The judgement of the Sentiment Heatmap's collection; the findings are the sector documents that break the contract. */
export interface SentimentSectorsJudgement extends Judgement<{ readonly id: SectorId; readonly problem: string }> {
  /** Sector ids without a document. */
  readonly missing: readonly SectorId[]
  /** Documents besides the 11 sectors: how many, and the ids of those seen. */
  readonly extra: { readonly count: number; readonly ids: readonly string[] }
}

const SECTOR_ID_SET: ReadonlySet<string> = new Set(SECTOR_IDS)
const quoteIds = (ids: readonly string[], max = 5): string =>
  ids.slice(0, max).map((id) => JSON.stringify(id)).join(', ') + (ids.length > max ? `, … (${ids.length} in all)` : '')

/**
 * Judges the heatmap's collection (reference §1): exactly the 11 sector documents, by id, each with `value` > 0,
 * `sentiment` in [-1, 1] and a non-empty `leadingTicker`. A missing sector fails, and so does any other document:
 * the UI reads the whole collection, so a per-stock document (§1.6) becomes an extra tile with sentiment 0.
 * @example judgeSentimentSectors({ documents, total: await countQuery(sectors, path, { cap: 1000 }) })
 */
export function judgeSentimentSectors(observation: SentimentSectorsObservation): SentimentSectorsJudgement {
  const path = observation.path ?? SENTIMENT_SECTORS_PATH
  const byId = new Map(observation.documents.map((document) => [document.id, document]))
  const missing = SECTOR_IDS.filter((id) => !byId.has(id))
  const invalid = SECTOR_IDS.flatMap((id) => {
    const document = byId.get(id)
    const parsed = document ? sectorDocumentSchema.safeParse(document.data) : null
    return parsed && !parsed.success ? [{ id, problem: describeSchemaProblem(parsed.error) }] : []
  })
  const extraIds = [...byId.keys()].filter((id) => !SECTOR_ID_SET.has(id)).sort()
  const present = SECTOR_IDS.length - missing.length
  // @note the listing is bounded, so the count says how many others there are; the listing names some of them.
  const extraCount = Math.max(extraIds.length, (observation.total ?? byId.size) - present)

  const problems: string[] = []
  if (missing.length > 0) {
    problems.push(
      `${path} lacks ${missing.length} of the 11 sector documents: ${quoteIds(missing, 11)}; the heatmap would show ${present} sectors`,
    )
  }
  if (extraCount > 0) {
    const named = extraIds.length > 0 ? ` (${quoteIds(extraIds)}${extraIds.length < extraCount ? ', …' : ''})` : ''
    problems.push(
      `${path} holds ${extraCount} document${extraCount === 1 ? '' : 's'} besides the 11 sectors${named}; the heatmap draws every ` +
        'document as a tile, and per-stock documents read as sentiment 0. Delete them',
    )
  }
  for (const { id, problem } of invalid) problems.push(`${JSON.stringify(id)} breaks the heatmap contract: ${problem}`)
  if (problems.length > 0 && (missing.length > 0 || invalid.length > 0)) {
    problems.push('reseed with `openbell seed` or scripts/seed_sentiment_data.py')
  }

  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    reason:
      problems.length === 0
        ? `${path} holds exactly the 11 sector documents, each with value > 0, sentiment in [-1, 1] and a leadingTicker`
        : problems.join('; '),
    missing,
    findings: invalid,
    extra: { count: extraCount, ids: extraIds },
  }
}
