import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { FirestorePlatform } from './types.ts'

/** Whether a regular file exists at `path`. */
function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The running process's own platform: real `spawn`, real file system, `performance.now()`. */
export const nodePlatform: FirestorePlatform = Object.freeze<FirestorePlatform>({
  os: process.platform,
  spawn: (command, args, options) => spawn(command, [...args], options),
  fileExists,
  now: () => performance.now(),
})
