import type { Firestore } from 'firebase-admin/firestore'
import { OpenbellError } from '../errors.ts'
import { createFirestoreClient } from '../firestore/index.ts'
import { seedFloorData } from './seed-floor-data.ts'

/**
 * What the emulator floor asks to be seeded: where, for whom, as of when, and what it writes itself afterwards.
 * Data only (`now` as an ISO time, the floor's own writes as a module and its argument): the runner has the spec
 * worker do the seeding, where firebase-admin is loaded anyway (`run-context-channel.ts`).
 */
export interface FloorSeedRequest {
  /** `host:port` of the floor's Firestore emulator. */
  emulatorHost: string
  firestoreProject: string
  tenantId: string
  /** The time the seeded data is written as of, ISO 8601. */
  now: string
  /** Regular Whale Flow trades. @default `seedFloorData`'s */
  trades?: number
  /** Golden sweeps among them. @default `seedFloorData`'s */
  goldenSweeps?: number
  /** The floor's own changes (a scenario's overlay), written through the same client after the seed. */
  floorWrites?: FloorWrites
}

/** A module of the floor exporting `writeFloorChanges(firestore, argument)`, and the argument it is called with. */
export interface FloorWrites {
  /** An absolute path (the floor's `codeFile`). */
  module: string
  argument: unknown
}

/** What a module named in {@link FloorWrites} exports. */
export interface FloorWritesModule {
  writeFloorChanges(firestore: Firestore, argument: unknown): Promise<void>
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
      now: new Date(request.now),
      ...(request.trades !== undefined ? { trades: request.trades } : {}),
      ...(request.goldenSweeps !== undefined ? { goldenSweeps: request.goldenSweeps } : {}),
    })
    if (request.floorWrites) await writeFloorChanges(client.firestore, request.floorWrites)
  } finally {
    await client.close()
  }
}

async function writeFloorChanges(firestore: Firestore, { module, argument }: FloorWrites): Promise<void> {
  const loaded = (await import(module)) as Partial<FloorWritesModule>
  if (typeof loaded.writeFloorChanges !== 'function') {
    throw new OpenbellError(`the floor module ${module} exports no writeFloorChanges(firestore, argument); export one from the module the floor names in floorWrites.`)
  }
  await loaded.writeFloorChanges(firestore, argument)
}
