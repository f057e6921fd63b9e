import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import { SECTOR_TABLE, SENTIMENT_SECTORS_PATH, type SectorId } from '../data/index.ts'

/** What `seedSentimentSectors` wrote. */
export interface SeedSentimentSectorsResult {
  /** The sectors collection. */
  readonly path: string
  /** The document ids written, in order. */
  readonly ids: readonly SectorId[]
}

/** Python's `datetime.utcnow().isoformat()`: naive (no `Z`), with microseconds, e.g. `2026-02-05T12:00:00.123000`. */
export function pythonUtcIsoformat(now: Date): string {
  return `${now.toISOString().slice(0, 23)}000`
}

/**
 * Writes the 11 sector documents in one batch, as full overwrites, like `scripts/seed_sentiment_data.py`:
 * `value`, `sentiment`, `leadingTicker`, `description`, `lastUpdated` (server time) and `seededAt` (a string).
 * @note The path is global: every tenant's heatmap reads these same documents.
 */
export async function seedSentimentSectors(firestore: Firestore, now: Date = new Date()): Promise<SeedSentimentSectorsResult> {
  const batch = firestore.batch()
  const collection = firestore.collection(SENTIMENT_SECTORS_PATH)
  const seededAt = pythonUtcIsoformat(now)
  for (const sector of SECTOR_TABLE) {
    batch.set(collection.doc(sector.id), {
      value: sector.value,
      sentiment: sector.sentiment,
      leadingTicker: sector.leadingTicker,
      description: sector.description,
      lastUpdated: FieldValue.serverTimestamp(),
      seededAt,
    })
  }
  await batch.commit()
  return { path: SENTIMENT_SECTORS_PATH, ids: SECTOR_TABLE.map((sector) => sector.id) }
}
