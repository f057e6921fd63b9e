/** The floor's seeding step: what it asks the runner's seeder to write. */
import type { FloorRequest } from '../support/run/index.ts'
import { codeFile } from '../support/project-paths.ts'
import type { FirestoreOverlayWrites } from './apply-firestore-overlay.ts'
import type { StartedFirestore } from './firestore/index.ts'
import type { Scenario } from './scenarios/scenario-schema.ts'

/**
 * Has the runner's seeder (`request.seed`) write what the UI reads, shifted and sized as the scenario says, then
 * the scenario's Firestore overlay, if any, through the same client (`apply-firestore-overlay.ts`, named by path: the
 * seeder may run in another thread).
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
    now: new Date(now.getTime() + (overlay?.seed?.shiftMinutes ?? 0) * 60_000).toISOString(),
    ...(seedTrades !== undefined ? { trades: seedTrades } : {}),
    ...(overlay?.seed?.goldenSweeps !== undefined ? { goldenSweeps: overlay.seed.goldenSweeps } : {}),
    ...(overlay
      ? {
          floorWrites: {
            module: codeFile('emulators/apply-firestore-overlay.ts'),
            argument: { overlay, tenantId: request.tenantId, now: now.toISOString() } satisfies FirestoreOverlayWrites,
          },
        }
      : {}),
  })
}
