import type { ElsewhereRequestRecord } from './internal/serve-hostile-answers.ts'
import type { KubeObject } from './kube-object.ts'
import type { KubeOverlay } from './kube-overlay.ts'

/** One request the emulator answered, for asserting what a client did (e.g. that it never wrote). */
export interface KubeApiRequestRecord {
  /** The HTTP method. */
  readonly method: string
  /** The path, without the query. */
  readonly path: string
  /** The query string, with its `?`, or `''`. */
  readonly search: string
  /** The status code answered. */
  readonly status: number
}

/** A running kube-api emulator. */
export interface StartedKubeApi extends AsyncDisposable {
  /** The API server URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The port it listens on. */
  readonly port: number
  /** A kubeconfig pointing at it (context `openbell-emulator`, namespace `trading-floor`, token user). */
  readonly kubeconfigPath: string
  /** The bearer token in the kubeconfig; a request carrying another token gets 401. */
  readonly token: string
  /** The kubeconfig context name. */
  readonly context: string
  /** The kubeconfig context's namespace. */
  readonly namespace: string
  /** The requests answered so far, oldest first: the latest `recordedRequests` (10,000 unless set). */
  readonly requests: readonly KubeApiRequestRecord[]
  /** Every request that reached the redirect target of `hostile.redirect`: a client that followed a redirect. */
  readonly elsewhereRequests: readonly ElsewhereRequestRecord[]
  /** A copy of every object as it is now (after patches). */
  readonly objects: KubeObject[]
  /**
   * Puts the objects as they were at start with this overlay applied (`null`: as they were at start), committing
   * each object that differs, so watches see the change: how a fault is applied to, and taken off, a running floor.
   * An overlay's `remove` is not applied to a running stand-in (it has no DELETE).
   * @throws UsageError when the overlay is invalid or names a missing object.
   */
  applyOverlay(overlay: KubeOverlay | null, now?: Date): void
  /** Closes every connection, cancels pending delays, and removes the kubeconfig folder. */
  stop(): Promise<void>
}
