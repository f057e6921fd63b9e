/**
 * The one channel from the runner to the spec workers: the whole run context, delivered once. The runner starts
 * vitest while the emulator floor is still starting, so a worker loads the specs' libraries (seconds of imports)
 * while the Firestore emulator boots and is seeded and the cluster's identity is read; the runner writes the built
 * context to a private file once it has it, and each worker waits for that file before any spec loads. A run that
 * cannot be prepared (a floor that fails to start) is written there too, so the worker stops waiting and every gate
 * reports it. Both modes go through it.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { deepFreeze } from '../deep-freeze.ts'
import type { RunContext } from './run-context.ts'

type Message = { context: RunContext } | { error: string }

/** The runner's side: a private file, written exactly once. */
export interface RunContextChannel {
  /** The file the workers wait for (in a private temporary folder: it may carry the stand-in's demo key pair). */
  readonly file: string
  deliver(context: RunContext): void
  /** Ends every worker's wait with this reason, a sentence (e.g. "The emulator floor did not start: …"). */
  fail(reason: string): void
  /** Removes the file and its folder; also done when the process exits, however it ends (short of SIGKILL). */
  dispose(): void
}

/** Creates the channel's private folder; nothing is written until the context is built or the run cannot start. */
export function createRunContextChannel(): RunContextChannel {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-context-'))
  const file = path.join(dir, 'run-context.json')
  let sent = false
  const write = (message: Message) => {
    // @note once: a worker that already read the context must never see another one for the same run.
    if (sent) throw new Error(`[openbell] The run context was already sent through ${file}; a run hands its workers one context.`)
    sent = true
    // @note written whole, then renamed: a worker polling the path never reads half a file.
    writeFileSync(`${file}.partial`, JSON.stringify(message), { mode: 0o600 })
    renameSync(`${file}.partial`, file)
  }
  const remove = () => rmSync(dir, { recursive: true, force: true })
  // @note a crash or Ctrl-C ends openbell with process.exit, past every `finally`: the file may hold the Alpaca
  // stand-in's demo key pair, and nothing of a run is left in the temporary folder.
  process.once('exit', remove)
  return {
    file,
    deliver: (context) => write({ context }),
    fail: (error) => write({ error }),
    dispose: () => {
      process.off('exit', remove)
      remove()
    },
  }
}

/** Options of {@link receiveRunContext}. */
export interface ReceiveRunContextOptions {
  /** How long to wait for the runner before giving up. @default 300_000 */
  timeoutMs?: number
  /** @default 10 */
  pollMs?: number
}

/** What this spec worker received, by channel: at most one context per run, kept on `globalThis` (see below). */
const RECEIVED = Symbol.for('openbell.received-run-context')

/**
 * The worker's side: waits for the run context, deep-freezes it and keeps it for {@link receivedRunContext}; a
 * second call for the same channel returns the same frozen object. Throws with the runner's reason if it failed.
 * @note on `globalThis`: vitest may load this module more than once in a worker (`isolate: false`), and every copy
 * must see the one context.
 */
export async function receiveRunContext(file: string, options: ReceiveRunContextOptions = {}): Promise<RunContext> {
  const held = (globalThis as { [RECEIVED]?: { file: string; context: RunContext } })[RECEIVED]
  if (held?.file === file) return held.context
  const { timeoutMs = 300_000, pollMs = 10 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const message = readMessage(file)
    if (message && 'error' in message) throw new Error(`[openbell] ${message.error}`)
    if (message) {
      const context = deepFreeze(message.context)
      // @note one slot: a resident worker serving run after run holds only the current run's context.
      ;(globalThis as { [RECEIVED]?: { file: string; context: RunContext } })[RECEIVED] = { file, context }
      return context
    }
    if (Date.now() >= deadline) throw new Error(`[openbell] The run context did not arrive within ${timeoutMs} ms; the runner never wrote ${file}.`)
    await sleep(pollMs)
  }
}

/** The context {@link receiveRunContext} received through `file`. @throws when none was received (a spec loaded outside the runbook's setup). */
export function receivedRunContext(file: string): RunContext {
  const held = (globalThis as { [RECEIVED]?: { file: string; context: RunContext } })[RECEIVED]
  if (held?.file !== file) {
    throw new Error(`[openbell] No run context has been received from ${file}; gate specs run only through openbell's runner (support/worker/worker-setup.ts receives it).`)
  }
  return held.context
}

function readMessage(file: string): Message | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Message
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
