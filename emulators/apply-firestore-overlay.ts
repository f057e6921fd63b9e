import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { renderRelativeTime } from './kube-api/render-relative-times.ts'
import type { Scenario } from './scenarios/scenario-schema.ts'

const WHOLE_PLACEHOLDER = /^\{\{\s*now\s*([+-]\s*\d+\s*[smhd])?\s*\}\}$/

/** What the floor hands the seeder for {@link writeFloorChanges}: data, as it crosses to the spec worker. */
export interface FirestoreOverlayWrites {
  overlay: NonNullable<Scenario['firestore']>
  tenantId: string
  /** ISO 8601: what `{{now-2h}}` is relative to. */
  now: string
}

/**
 * Applies a scenario's Firestore changes after seeding: deletes documents, then writes documents. `{tenant}` in a
 * path is the run's tenant; a field that is exactly a `{{now-2h}}` placeholder becomes a Firestore timestamp.
 * The seeder calls it by this module's path (`FloorWrites`), in whichever thread it seeds.
 */
export async function writeFloorChanges(firestore: Firestore, argument: unknown): Promise<void> {
  const { overlay, tenantId, now } = argument as FirestoreOverlayWrites
  const resolvePath = (path: string) => path.replaceAll('{tenant}', tenantId)
  for (const path of overlay.delete ?? []) await firestore.doc(resolvePath(path)).delete()
  for (const document of overlay.set ?? []) {
    await firestore.doc(resolvePath(document.path)).set(toFirestoreValues(document.data, new Date(now)) as Record<string, unknown>)
  }
}

function toFirestoreValues(value: unknown, now: Date): unknown {
  if (typeof value === 'string' && WHOLE_PLACEHOLDER.test(value)) return Timestamp.fromDate(new Date(renderRelativeTime(value, now)))
  if (Array.isArray(value)) return value.map((item) => toFirestoreValues(item, now))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toFirestoreValues(inner, now)]))
  }
  return value
}
