/** Defaults of the Firestore client and its read helpers, in one frozen object. */
export const FIRESTORE_CLIENT_DEFAULTS = Object.freeze({
  /** A gate read that has not answered in 5 s will not answer usefully; it becomes could-not-check. */
  readTimeoutMs: 5_000,
  /**
   * How long `close()` waits for reads still in flight (the SDK retries an unreachable host for ~8 s) before
   * it lets them finish in the background.
   */
  closeGraceMs: 2_000,
})
