/**
 * How the emulator floor's endpoints reach the spec workers. In emulator mode the runner starts vitest while the
 * floor is still starting, so the worker loads the specs' libraries (seconds of imports) while the Firestore
 * emulator boots and is seeded; the runner writes the floor's endpoints to a private file once it is up, and the
 * worker waits for that file before any spec runs. A floor that fails to start is written there too, so the worker
 * stops waiting and every gate reports it.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** What a started floor hands to every spec worker. */
export interface FloorEndpoints {
  kubeconfigPath: string
  firestoreEmulatorHost: string
  /** Modules the worker loads once the floor is up (e.g. the Alpaca paper API handlers). */
  workerSetupFiles: readonly string[]
  /** Environment variables the worker sets before any spec loads (e.g. the Alpaca stand-in's demo key pair). */
  workerEnv: Readonly<Record<string, string>>
}

type Handoff = { endpoints: FloorEndpoints } | { error: string }

/** The runner's side: a private file, written exactly once. */
export interface FloorHandoff {
  /** The file the workers wait for (in a private temporary folder: it may carry the stand-in's demo key pair). */
  readonly file: string
  deliver(endpoints: FloorEndpoints): void
  fail(reason: string): void
  /** Removes the file and its folder; also done when the process exits, however it ends (short of SIGKILL). */
  dispose(): void
}

/** Creates the handoff file's private folder; nothing is written until the floor is up or has failed. */
export function createFloorHandoff(): FloorHandoff {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-handoff-'))
  const file = path.join(dir, 'floor.json')
  const write = (handoff: Handoff) => {
    // @note written whole, then renamed: a worker polling the path never reads half a file.
    writeFileSync(`${file}.partial`, JSON.stringify(handoff), { mode: 0o600 })
    renameSync(`${file}.partial`, file)
  }
  const remove = () => rmSync(dir, { recursive: true, force: true })
  // @note a crash or Ctrl-C ends openbell with process.exit, past every `finally`: the file may hold the Alpaca
  // stand-in's demo key pair, and nothing of a run is left in the temporary folder.
  process.once('exit', remove)
  return {
    file,
    deliver: (endpoints) => write({ endpoints }),
    fail: (error) => write({ error }),
    dispose: () => {
      process.off('exit', remove)
      remove()
    },
  }
}

/** Options of {@link awaitFloorEndpoints}. */
export interface AwaitFloorOptions {
  /** How long to wait for the floor before giving up. @default 300_000 */
  timeoutMs?: number
  /** @default 10 */
  pollMs?: number
}

/** The worker's side: waits for the floor's endpoints; throws with the runner's reason if the floor did not start. */
export async function awaitFloorEndpoints(file: string, options: AwaitFloorOptions = {}): Promise<FloorEndpoints> {
  const { timeoutMs = 300_000, pollMs = 10 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const handoff = readHandoff(file)
    if (handoff && 'error' in handoff) throw new Error(`[openbell] The emulator floor did not start: ${handoff.error}`)
    if (handoff) return handoff.endpoints
    if (Date.now() >= deadline) throw new Error(`[openbell] The emulator floor was not up after ${timeoutMs} ms; the runner never wrote ${file}.`)
    await sleep(pollMs)
  }
}

function readHandoff(file: string): Handoff | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Handoff
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
