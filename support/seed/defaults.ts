/** Defaults of the seeders, in one frozen object (the Python seeder's CLI defaults where it has them). */
export const SEED_DEFAULTS = Object.freeze({
  /** `--num-trades` */
  trades: 50,
  /** `--num-golden-sweeps` */
  goldenSweeps: 5,
  /** Any fixed seed gives the same documents. */
  seed: 1,
  /** Firestore's limit of writes per batch. */
  batchSize: 500,
  /** Batches in flight at once; more only queues behind the emulator's locks. */
  concurrency: 4,
})

/** Firestore accepts at most this many writes in one batch. */
export const MAX_BATCH_WRITES = 500
