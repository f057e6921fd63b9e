import type { Firestore } from 'firebase-admin/firestore'
import { createFirestoreClient } from '../firestore/index.ts'
import { seedFloorData } from './seed-floor-data.ts'

/** What the emulator floor asks to be seeded: where, for whom, as of when, and what it writes itself afterwards. */
export interface FloorSeedRequest {
  /** `host:port` of the floor's Firestore emulator. */
  emulatorHost: string
  firestoreProject: string
  tenantId: string
  /** The time the seeded data is written as of. */
  now: Date
  /** Regular Whale Flow trades. @default `seedFloorData`'s */
  trades?: number
  /** Golden sweeps among them. @default `seedFloorData`'s */
  goldenSweeps?: number
  /** Writes the floor's own changes (a scenario's overlay) through the same client, after the seed. */
  then?: (firestore: Firestore) => Promise<void>
}

/** Seeds a floor's Firestore emulator; the runner hands one to the floor so the emulators carry no seeding code. */
export type SeedFloor = ((request: FloorSeedRequest) => Promise<void>) & {
  /** Loads the seeder's code ahead of the call, so the floor can overlap it with the emulator's start-up. */
  load?: () => Promise<unknown>
}

/** Seeds what the UI reads (`seedFloorData`) into the floor's emulator, then runs the floor's own writes, if any. */
export const seedEmulatorFloor: SeedFloor = async (request) => {
  const client = createFirestoreClient({ projectId: request.firestoreProject, emulatorHost: request.emulatorHost })
  try {
    await seedFloorData(client.firestore, {
      tenantId: request.tenantId,
      now: request.now,
      ...(request.trades !== undefined ? { trades: request.trades } : {}),
      ...(request.goldenSweeps !== undefined ? { goldenSweeps: request.goldenSweeps } : {}),
    })
    await request.then?.(client.firestore)
  } finally {
    await client.close()
  }
}
