/**
 * The bounds of every Kubernetes API call openbell makes (reads, the permission reviews, `halt`). A call that would
 * go past one is could-not-check, naming the bound: openbell never judges a list it did not read to the end.
 * @note documented in README.md ("Limits of the Kubernetes reads"); a test reads these values, not copies of them.
 */
export const KUBE_READ_LIMITS = Object.freeze({
  /** Items asked for per page of a list (`?limit=`); the API server answers the rest behind `metadata.continue`. */
  pageSize: 500,
  /** Pages of one list followed through `metadata.continue`; a list with more is could-not-check. */
  maxPages: 20,
  /** Bytes of response body one read may take, all its pages together (4,000 pods of ~8 KiB fit). */
  maxBytes: 32 * 1024 * 1024,
})

/**
 * The bounds of the watches `openbell watch` follows the namespace with (`createBoundedKubeWatch`). A watch past one
 * is ended and its kind is listed every interval until it can be watched again.
 */
export const KUBE_WATCH_LIMITS = Object.freeze({
  /** Bytes of one watch event (one line); past it the stream is cut, never buffered on. */
  maxEventBytes: 1024 * 1024,
  /** Objects one kind's informer holds (as many as a list may read: pageSize × maxPages); a watch adding more is cut. */
  maxObjects: KUBE_READ_LIMITS.pageSize * KUBE_READ_LIMITS.maxPages,
  /** A watch the API server ends sooner than this after opening was dropped, not renewed. */
  droppedWithinMs: 1_000,
  /** How long a watch waits for the kube context's credentials (an exec plugin may wait for a login) before it gives up. */
  credentialsMs: 5_000,
  /** How long past its `timeoutSeconds` a watch may stay open before it is cut as hung. */
  graceMs: 5_000,
})
