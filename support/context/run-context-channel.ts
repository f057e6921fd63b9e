/**
 * The one channel from the runner to the spec workers: the whole run context, delivered once. The runner starts
 * vitest while the emulator floor is still starting, so a worker loads the specs' libraries (seconds of imports)
 * while the Firestore emulator boots and is seeded and the cluster's identity is read; the runner writes the built
 * context to a private file once it has it, and each worker waits for that file before any spec loads. A run that
 * cannot be prepared (a floor that fails to start) is written there too, so the worker stops waiting and every gate
 * reports it. Both modes go through it.
 *
 * While it waits, the worker also runs the runner's errands: the preparation's work that needs the Firestore and
 * Kubernetes clients (seeding the floor, reading the cluster's identity and the permission preflight). The worker
 * loads those clients for the gates anyway; done in the runner's thread too, they were loaded twice (~65 MB of the
 * cold run's peak RSS and ~0.5 s of CPU, `docs/decisions/time-to-verdict.md`).
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { deepFreeze } from '../deep-freeze.ts'
import { firstLineOf } from '../errors.ts'
import type { RunContext } from './run-context.ts'

type Message = { context: RunContext } | { error: string }
/** An errand, as the runner writes it (`ask-<n>.json`), and the worker's answer (`answer-<n>.json`). */
type Errand = { kind: string; request: unknown }
type ErrandAnswer = { answer: unknown } | { error: string }

/** What a worker does for the runner's errands, by kind; each answer must survive JSON. */
export type ErrandHandlers = Readonly<Record<string, (request: unknown) => Promise<unknown>>>

/** The runner's side: a private file, written exactly once. */
export interface RunContextChannel {
  /** The file the workers wait for (in a private temporary folder: it may carry the stand-in's demo key pair). */
  readonly file: string
  deliver(context: RunContext): void
  /** Ends every worker's wait with this reason, a sentence (e.g. "The emulator floor did not start: …"). */
  fail(reason: string): void
  /**
   * Has the waiting worker run an errand (see the module's note) and resolves with its answer; rejects with the
   * worker's reason, or when `ended` settles first (the spec worker is gone, or never started: nobody will answer).
   * Errands are answered one at a time, in the order asked, and only before the context is delivered.
   */
  ask(kind: string, request: unknown, ended: Promise<unknown>): Promise<unknown>
  /** Removes the file and its folder; also done when the process exits, however it ends (short of SIGKILL). */
  dispose(): void
}

/** Creates the channel's private folder; nothing is written until the context is built or the run cannot start. */
export function createRunContextChannel(): RunContextChannel {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-context-'))
  const file = path.join(dir, 'run-context.json')
  let sent = false
  let asked = 0
  const write = (message: Message) => {
    // @note once: a worker that already read the context must never see another one for the same run.
    if (sent) throw new Error(`[openbell] The run context was already sent through ${file}; a run hands its workers one context.`)
    sent = true
    writeWhole(file, message)
  }
  const remove = () => rmSync(dir, { recursive: true, force: true })
  // @note a crash or Ctrl-C ends openbell with process.exit, past every `finally`: the file may hold the Alpaca
  // stand-in's demo key pair, and nothing of a run is left in the temporary folder.
  process.once('exit', remove)
  return {
    file,
    deliver: (context) => write({ context }),
    fail: (error) => write({ error }),
    ask: async (kind, request, ended) => {
      if (sent) throw new Error(`[openbell] The run context was already sent through ${file}; the worker runs no more errands.`)
      asked += 1
      const errandFile = path.join(dir, `ask-${asked}.json`)
      writeWhole(errandFile, { kind, request } satisfies Errand)
      const answerFile = path.join(dir, `answer-${asked}.json`)
      let over = false
      const gone = ended.then(
        () => 'the spec worker ended',
        (error: unknown) => `the spec worker failed (${firstLineOf(error)})`,
      )
      void gone.finally(() => (over = true))
      // @note bounded by the worker's life: the wait ends when it answers, or when vitest's run is over.
      while (!over) {
        const answer = readJson<ErrandAnswer>(answerFile)
        if (answer && 'error' in answer) throw new Error(answer.error)
        if (answer) return answer.answer
        await sleep(ERRAND_POLL_MS)
      }
      throw new Error(`${kind}: ${await gone} before it answered the runner`)
    },
    dispose: () => {
      process.off('exit', remove)
      remove()
    },
  }
}

/** How often the runner looks for an errand's answer: a seeding or a preflight takes tens to hundreds of ms. */
const ERRAND_POLL_MS = 5

/** Options of {@link receiveRunContext}. */
export interface ReceiveRunContextOptions {
  /** How long to wait for the runner before giving up. @default 300_000 */
  timeoutMs?: number
  /** @default 10 */
  pollMs?: number
  /** The errands this worker runs for the runner while it waits (see the module's note). @default none: an errand is answered with an error */
  errands?: ErrandHandlers
  /** Makes an errand's answer or error safe to write where the runner reads it (the worker's secret scrubbing). @default unchanged */
  scrub?: (answer: unknown) => unknown
}

/** What this spec worker received, by channel: at most one context per run, kept on `globalThis` (see below). */
const RECEIVED = Symbol.for('openbell.received-run-context')

/**
 * One channel's progress in this worker: the errands already run, and how the wait ended. A later wait on the same
 * channel (vitest re-runs a transformed setup file before each spec file) picks up from here: no errand runs twice,
 * and a run that failed fails at once.
 */
interface ChannelProgress {
  file: string
  errandsDone: number
  context: RunContext | null
  failed: string | null
}
const held = (): { [RECEIVED]?: ChannelProgress } => globalThis as { [RECEIVED]?: ChannelProgress }

/**
 * The worker's side: waits for the run context, deep-freezes it and keeps it for {@link receivedRunContext}; a
 * second call for the same channel returns the same frozen object. Throws with the runner's reason if it failed.
 * @note on `globalThis`: vitest may load this module more than once in a worker (`isolate: false`), and every copy
 * must see the one context.
 */
export async function receiveRunContext(file: string, options: ReceiveRunContextOptions = {}): Promise<RunContext> {
  // @note one slot: a resident worker serving run after run holds only the current run's channel.
  const progress = held()[RECEIVED]?.file === file ? held()[RECEIVED]! : (held()[RECEIVED] = { file, errandsDone: 0, context: null, failed: null })
  if (progress.context) return progress.context
  if (progress.failed !== null) throw new Error(`[openbell] ${progress.failed}`)
  const { timeoutMs = 300_000, pollMs = 10, errands = {}, scrub = (answer: unknown) => answer } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const errand = readJson<Errand>(path.join(path.dirname(file), `ask-${progress.errandsDone + 1}.json`))
    if (errand) {
      // @note counted before it runs: a second wait on the channel never takes the same errand.
      const number = (progress.errandsDone += 1)
      writeWhole(path.join(path.dirname(file), `answer-${number}.json`), scrub(await runErrand(errands, errand)))
      continue
    }
    const message = readJson<Message>(file)
    if (message && 'error' in message) {
      progress.failed = message.error
      throw new Error(`[openbell] ${message.error}`)
    }
    if (message) return (progress.context = deepFreeze(message.context))
    if (Date.now() >= deadline) {
      progress.failed = `The run context did not arrive within ${timeoutMs} ms; the runner never wrote ${file}.`
      throw new Error(`[openbell] ${progress.failed}`)
    }
    await sleep(pollMs)
  }
}

/** The context {@link receiveRunContext} received through `file`. @throws when none was received (a spec loaded outside the runbook's setup). */
export function receivedRunContext(file: string): RunContext {
  const progress = held()[RECEIVED]
  if (progress?.file !== file || !progress.context) {
    throw new Error(`[openbell] No run context has been received from ${file}; gate specs run only through openbell's runner (support/worker/worker-setup.ts receives it).`)
  }
  return progress.context
}

async function runErrand(errands: ErrandHandlers, errand: Errand): Promise<ErrandAnswer> {
  const handler = Object.hasOwn(errands, errand.kind) ? errands[errand.kind] : undefined
  if (!handler) return { error: `${errand.kind}: this spec worker runs no such errand` }
  try {
    return { answer: (await handler(errand.request)) ?? null }
  } catch (error) {
    return { error: `${errand.kind}: ${firstLineOf(error)}` }
  }
}

/** Writes a file whole, then renames it into place: a side polling the path never reads half a file. */
function writeWhole(file: string, message: unknown): void {
  writeFileSync(`${file}.partial`, JSON.stringify(message), { mode: 0o600 })
  renameSync(`${file}.partial`, file)
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
