import { mkdirSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.ts'

/** The probe written into the reports folder: big enough that a full disk says so now, not halfway through a run. */
const PROBE_BYTES = 64 * 1024

/** The largest waivers file openbell reads (a waiver is a few lines). */
const MAX_WAIVERS_BYTES = 1024 * 1024

/**
 * Makes sure `--reports` names a folder openbell can write, before anything starts: an existing folder, or one that
 * can be created. Missing folders are created one level at a time, and a probe file is written and removed.
 * @note never `mkdir -p` on an operator's path: Node's recursive mkdir spins forever, synchronously, under `/proc`
 * (where mkdir answers ENOENT for a parent that exists), and a synchronous spin cannot even be ended by SIGTERM.
 * @throws {UsageError} naming the path, what it is, and what to do (a file, a FIFO, `/proc`, read-only, no space).
 */
export function checkReportsFolder(dir: string, flag = '--reports'): void {
  const missing: string[] = []
  let existing = dir
  let stat = statOrNull(existing)
  while (stat === null) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    missing.unshift(existing)
    existing = parent
    stat = statOrNull(existing)
  }
  const fix = `name a folder openbell may write (it is created when missing), e.g. ${flag} ./reports`
  if (stat === null || !stat.isDirectory()) {
    throw new UsageError(`${flag} ${JSON.stringify(dir)} cannot be used: ${existing} is ${describeKind(stat)}, not a folder; ${fix}.`)
  }
  const created: string[] = []
  try {
    for (const folder of missing) {
      mkdirSync(folder, { mode: 0o700 })
      created.push(folder)
    }
    const probe = path.join(dir, `.openbell-write-probe-${process.pid}`)
    try {
      writeFileSync(probe, Buffer.alloc(PROBE_BYTES), { mode: 0o600, flag: 'wx' })
    } finally {
      rmSync(probe, { force: true })
    }
  } catch (error) {
    for (const folder of created.reverse()) rmdirSync(folder, { maxRetries: 0 })
    throw new UsageError(`${flag} ${JSON.stringify(dir)} cannot be used: ${describeWriteError(error)}; ${fix}.`)
  }
}

/**
 * Makes sure `--waivers` (or the default `waivers.yaml`) is a regular, readable file of sane size, without opening
 * it: opening a FIFO for reading blocks until a writer comes, and that block cannot be ended by SIGTERM.
 * @throws {UsageError} naming the file and what it is instead.
 */
export function checkWaiversFile(file: string, flag = '--waivers'): void {
  const stat = statOrNull(file)
  const fix = 'name a YAML file (see docs/decisions/waivers.md) or leave the flag out'
  if (stat === null) throw new UsageError(`${flag} ${JSON.stringify(file)} does not exist; ${fix}.`)
  if (!stat.isFile()) throw new UsageError(`${flag} ${JSON.stringify(file)} is ${describeKind(stat)}, not a regular file; ${fix}.`)
  if (stat.size > MAX_WAIVERS_BYTES) {
    throw new UsageError(`${flag} ${JSON.stringify(file)} is ${stat.size} bytes, more than a waivers file can be (${MAX_WAIVERS_BYTES}); ${fix}.`)
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null
    throw new UsageError(`cannot look at ${JSON.stringify(file)}: ${describeWriteError(error)}.`)
  }
}

function describeKind(stat: Stats | null): string {
  if (stat === null) return 'missing'
  if (stat.isFile()) return 'a regular file'
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/** What a failed write says, in words an operator acts on. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EROFS':
      return 'it is on a read-only file system'
    case 'EACCES':
    case 'EPERM':
      return 'it is not writable by this user'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'there is no space left on its device'
    case 'ENOENT':
      return 'it cannot be created there (a pseudo file system such as /proc or /sys, or a parent that vanished)'
    case 'ENOTDIR':
      return 'a part of its path is not a folder'
    default:
      return `it cannot be written (${code ?? (error instanceof Error ? error.message : String(error))})`
  }
}
