/**
 * The floor's seeding step, in a module of its own so that `start-floor.ts` loads firebase-admin (which the overlay
 * writes with) only once the Firestore emulator is up (see the note there).
 */
import type { FloorRequest } from '../support/run/index.ts'
import { applyFirestoreOverlay } from './apply-firestore-overlay.ts'
import type { StartedFirestore } from './firestore/index.ts'
import type { Scenario } from './scenarios/scenario-schema.ts'

/**
 * Has the runner's seeder (`request.seed`) write what the UI reads, shifted and sized as the scenario says, then
 * applies the scenario's Firestore overlay, if any, through the same client.
 */
export async function seedFloor(
  emulator: StartedFirestore,
  request: FloorRequest,
  overlay: Scenario['firestore'],
  now: Date,
  trades: number | undefined,
): Promise<void> {
  const seedTrades = overlay?.seed?.trades ?? trades
  await request.seed({
    emulatorHost: emulator.host,
    firestoreProject: request.firestoreProject,
    tenantId: request.tenantId,
    now: new Date(now.getTime() + (overlay?.seed?.shiftMinutes ?? 0) * 60_000),
    ...(seedTrades !== undefined ? { trades: seedTrades } : {}),
    ...(overlay?.seed?.goldenSweeps !== undefined ? { goldenSweeps: overlay.seed.goldenSweeps } : {}),
    ...(overlay ? { then: (firestore) => applyFirestoreOverlay(firestore, overlay, { tenantId: request.tenantId, now }) } : {}),
  })
}
