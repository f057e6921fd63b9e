import { spawn } from 'node:child_process'
import { nodePlatform } from '../platform.ts'
import type { FirestorePlatform, SpawnFunction } from '../types.ts'

/**
 * Test helper: a platform whose `spawn` runs a Node one-liner instead of the named commands, and whose file
 * system only holds `files`. Lets probes meet a missing, broken or hung tool without that tool.
 */
export function createTestPlatform(options: {
  readonly files?: readonly string[]
  readonly fakes?: Readonly<Record<string, string>>
  readonly os?: NodeJS.Platform
  readonly spawned?: string[]
}): FirestorePlatform {
  const files = new Set(options.files ?? [])
  const fakeSpawn: SpawnFunction = (command, args, spawnOptions) => {
    options.spawned?.push([command, ...args].join(' '))
    const script = options.fakes?.[command.split('/').pop() ?? command]
    return script === undefined
      ? spawn(command, [...args], spawnOptions)
      : spawn(process.execPath, ['-e', script], { ...spawnOptions, env: process.env })
  }
  return { ...nodePlatform, os: options.os ?? 'linux', spawn: fakeSpawn, fileExists: (path) => files.has(path) }
}

/** Node one-liners standing in for tools. */
export const FAKE_SCRIPTS = Object.freeze({
  dockerDaemonDown:
    "process.stderr.write('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\\n'); process.exit(1)",
  dockerHung: 'setTimeout(() => {}, 30000)',
  dockerUp: "process.stdout.write('28.2.2\\n')",
})
