/**
 * The floor's seeding step, in a module of its own so that `start-floor.ts` loads firebase-admin only once the
 * Firestore emulator is up (see the note there).
 */
import { createFirestoreClient } from '../support/firestore/index.ts'
import type { FloorRequest } from '../support/runner/floor.ts'
import { seedFloorData } from '../support/seed/index.ts'
import { applyFirestoreOverlay } from './apply-firestore-overlay.ts'
import type { StartedFirestore } from './firestore/index.ts'
import type { Scenario } from './scenarios/scenario-schema.ts'

/** Seeds what the UI reads (`seedFloorData`), then applies the scenario's Firestore overlay, if any. */
export async function seedFloor(
  emulator: StartedFirestore,
  request: FloorRequest,
  overlay: Scenario['firestore'],
  now: Date,
  trades: number | undefined,
): Promise<void> {
  const client = createFirestoreClient({ projectId: request.firestoreProject, emulatorHost: emulator.host })
  try {
    const shifted = new Date(now.getTime() + (overlay?.seed?.shiftMinutes ?? 0) * 60_000)
    await seedFloorData(client.firestore, {
      tenantId: request.tenantId,
      now: shifted,
      ...(overlay?.seed?.trades !== undefined ? { trades: overlay.seed.trades } : trades !== undefined ? { trades } : {}),
      ...(overlay?.seed?.goldenSweeps !== undefined ? { goldenSweeps: overlay.seed.goldenSweeps } : {}),
    })
    if (overlay) await applyFirestoreOverlay(client.firestore, overlay, { tenantId: request.tenantId, now })
  } finally {
    await client.close()
  }
}
