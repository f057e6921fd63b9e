import { accessSync, constants, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { SpawnFunction } from '../types.ts'

/** How a process ended. */
export interface ProcessExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** A child started as the leader of its own process group, so stopping it stops its whole tree. */
export interface ProcessGroup {
  /** The child's pid, which is also the process group id. */
  readonly pid: number
  /** The last ~64 KB the tree wrote to stdout and stderr. */
  output(): string
  /** Settles when the leader exits. */
  readonly exited: Promise<ProcessExit>
  /**
   * Signals the whole group (SIGTERM, then SIGKILL after `graceMs`) and waits until it is gone; `false` when it had
   * to be SIGKILLed.
   */
  kill(graceMs: number): Promise<boolean>
}

const OUTPUT_LIMIT = 64 * 1024

/** Runs "$@" and ends it when its stdin (a pipe from openbell) closes; exits with the command's status. */
const PARENT_DEATH_WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'child=$!',
  '{ while read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null; } &',
  'reader=$!',
  'wait "$child"',
  'status=$?',
  'kill "$reader" 2>/dev/null',
  'exit "$status"',
].join('\n')
/** Process groups still running; killed if this process exits without stopping them. */
const liveGroups = new Set<number>()
let exitHookInstalled = false

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** State and process group of `pid` from /proc (Linux), or `undefined` when it cannot be read. */
function procStat(pid: string): { state: string; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // @note the command name may contain spaces and parentheses; the fields after its last ')' are fixed.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return state === undefined ? undefined : { state, pgrp: Number(pgrp) }
  } catch {
    return undefined
  }
}

const hasProc = process.platform === 'linux' && procStat('self') !== undefined

/**
 * Whether `pid` is running (a zombie is not).
 * @note Where PID 1 is not a real init, orphaned zombies linger; `kill(pid, 0)` would call them alive.
 */
export function isProcessRunning(pid: number): boolean {
  if (hasProc) {
    const stat = procStat(String(pid))
    return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X'
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether any process of the group is still running (zombies excluded on Linux). */
export function isGroupAlive(pgid: number): boolean {
  if (!hasProc) return signalGroup(pgid, 0)
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = procStat(entry)
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') return true
  }
  return false
}

async function waitUntilGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  // @note polling yields to the event loop, which lets libuv reap the exited leader (no zombie).
  while (isGroupAlive(pgid)) {
    if (Date.now() >= deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return true
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // @note 'exit' handlers must be synchronous: SIGKILL the groups, no waiting. A SIGKILL of this
  // process itself cannot be caught; the detached tree then outlives it (the OS gives us no hook).
  process.on('exit', () => {
    for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL')
  })
}

/**
 * Spawns `command` detached (a new process group) with piped output, and resolves once it is running.
 * @note `gcloud emulators firestore start` is a Python wrapper that spawns java; killing the wrapper's pid
 * alone would orphan java, so we always signal `-pid` (the group).
 */
export async function spawnProcessGroup(
  spawn: SpawnFunction,
  command: string,
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv },
): Promise<ProcessGroup> {
  // @note on POSIX the command runs under a small shell watchdog that holds a pipe from this process: when this
  // process dies, even by SIGKILL (which no exit hook sees), the pipe reaches EOF and the watchdog ends the command.
  const watched = process.platform !== 'win32'
  // @note the watchdog shell would start even when the command does not exist; fail the way spawn does instead.
  if (watched && !isExecutable(command, options.env)) {
    throw Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT', path: command })
  }
  const child = watched
    ? spawn('/bin/sh', ['-c', PARENT_DEATH_WATCHDOG, 'openbell-watchdog', command, ...args], {
        env: options.env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      })
    : spawn(command, args, { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve)
    child.once('error', reject)
  })
  const pid = child.pid as number
  liveGroups.add(pid)
  installExitHook()

  let output = ''
  const append = (chunk: string): void => {
    output = (output + chunk).slice(-OUTPUT_LIMIT)
  }
  child.stdout?.setEncoding('utf8').on('data', append)
  child.stderr?.setEncoding('utf8').on('data', append)
  // @note unref: a forgotten emulator must not keep the test process alive; the exit hook then kills it.
  child.unref()
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.()

  return {
    pid,
    output: () => output,
    exited,
    async kill(graceMs) {
      let endedOnTerm = true
      if (signalGroup(pid, 'SIGTERM') && !(await waitUntilGone(pid, graceMs))) {
        endedOnTerm = false
        signalGroup(pid, 'SIGKILL')
        await waitUntilGone(pid, graceMs)
      }
      liveGroups.delete(pid)
      return endedOnTerm
    },
  }
}

/** Whether `command` (a path, or a name looked up in PATH) is an executable file. */
function isExecutable(command: string, env: NodeJS.ProcessEnv): boolean {
  const candidates = command.includes('/') ? [command] : (env.PATH ?? '').split(':').map((dir) => path.join(dir, command))
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}
