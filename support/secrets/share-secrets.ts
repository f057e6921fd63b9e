import { parentPort } from 'node:worker_threads'
import { registerSecret, secretRegistry } from './secret-registry.ts'

/**
 * A secret a spec worker thread learned, as it posts it to the runner's thread: its scrubbing must know everything the
 * worker knows. Reports, JUnit and the console are written by the runner's thread, from what the worker's checks
 * report; the worker learns credentials the runner never sees (the kubeconfig it loads, an exec plugin's or an auth
 * provider's token minted for the worker's own requests), and a check's error may quote one.
 * @note posted on the thread's own port, the one vitest's results travel on: it reaches the runner before any result
 * the worker sends after learning it, so no report or console line is ever written without it. In memory only.
 */
const SHARED_SECRET = 'openbell.shared-secret'

interface SharedSecretMessage {
  [SHARED_SECRET]: string
}

/**
 * The worker thread's side: posts every secret this thread's registry holds, and each one it learns later, to the
 * thread that started it. Does nothing on a main thread (a forked worker process; `openbell watch` reads with its
 * own registry). Returns the unsubscribe.
 */
export function shareSecretsWithParentThread(port: Pick<NonNullable<typeof parentPort>, 'postMessage'> | null = parentPort): () => void {
  if (!port) return () => undefined
  return secretRegistry.subscribe((value) => port.postMessage({ [SHARED_SECRET]: value } satisfies SharedSecretMessage))
}

/**
 * The runner's side, for each message of the worker thread: registers a shared secret with this thread's registry and
 * says `true` (the message is openbell's, not vitest's); `false` for any other message.
 */
export function receiveSharedSecret(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || !Object.hasOwn(message, SHARED_SECRET)) return false
  registerSecret((message as SharedSecretMessage)[SHARED_SECRET])
  return true
}
