import { parentPort } from 'node:worker_threads'
import { registerSecret, secretRegistry } from './secret-registry.ts'

/**
 * A secret a spec worker learned, as it posts it to the runner's thread: its scrubbing must know everything the
 * worker knows. Reports, JUnit and the console are written by the runner's thread, from what the worker's checks
 * report; the worker learns credentials the runner never sees (the kubeconfig it loads, an exec plugin's or an auth
 * provider's token minted for the worker's own requests), and a check's error may quote one.
 * @note posted on the worker's own channel to the runner (a thread's port, a forked process's IPC), the one vitest's
 * results and console output travel on: it reaches the runner before any result or `console` line vitest sends after
 * it. The worker's raw stdout and stderr are other streams, screened by the pool. Never written to a file.
 */
const SHARED_SECRET = 'openbell.shared-secret'

interface SharedSecretMessage {
  [SHARED_SECRET]: string
}

/** Where a spec worker posts to its runner: a worker thread's port, or a forked worker process's IPC channel. */
export interface RunnerChannel {
  postMessage(message: unknown): void
}

/** This worker's channel to its runner; `null` in a process that has none (nothing to share with). */
function runnerChannel(): RunnerChannel | null {
  if (parentPort) return parentPort
  const send = process.send?.bind(process)
  return send ? { postMessage: (message) => void send(message) } : null
}

/**
 * The spec worker's side: posts every secret this worker's registry holds, and each one it learns later, to its
 * runner (`openbell run`'s thread, `openbell watch`'s process). Returns the unsubscribe.
 */
export function shareSecretsWithRunner(channel: RunnerChannel | null = runnerChannel()): () => void {
  if (!channel) return () => undefined
  return secretRegistry.subscribe((value) => channel.postMessage({ [SHARED_SECRET]: value } satisfies SharedSecretMessage))
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

/** A pool's message listener for vitest that registers the shared secrets and passes vitest only its own messages. */
export function withoutSharedSecrets(listener: (message: unknown) => void): (message: unknown) => void {
  return (message) => void (receiveSharedSecret(message) || listener(message))
}
