import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { nodePlatform } from '../platform.ts'
import { isGroupAlive, isProcessRunning as isAlive, spawnProcessGroup, type ProcessGroup } from './process-group.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

describe('spawnProcessGroup', () => {
  let group: ProcessGroup | undefined
  afterEach(async () => group?.kill(500))

  it('kills the whole tree, grandchildren included', async () => {
    // @note like `gcloud emulators firestore start`: a wrapper whose child does the work.
    group = await spawnProcessGroup(nodePlatform.spawn, 'sh', ['-c', 'sleep 30 & echo $!; wait'], { env: process.env })
    while (!/\d+\n/.test(group.output())) await new Promise((resolve) => setTimeout(resolve, 10))
    const grandchild = Number(group.output().trim())
    expect(isAlive(group.pid)).toBe(true)
    expect(isAlive(grandchild)).toBe(true)

    await group.kill(1_000)

    expect(isGroupAlive(group.pid)).toBe(false)
    expect(isAlive(group.pid)).toBe(false)
    expect(isAlive(grandchild)).toBe(false)
  })

  it('kills with SIGKILL what ignores SIGTERM', async () => {
    group = await spawnProcessGroup(nodePlatform.spawn, 'sh', ['-c', "trap '' TERM; echo ready; while :; do sleep 1; done"], {
      env: process.env,
    })
    while (!group.output().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 10))
    const started = Date.now()
    await group.kill(200)
    expect(Date.now() - started, 'SIGTERM alone did not end it').toBeGreaterThanOrEqual(200)
    expect(isGroupAlive(group.pid)).toBe(false)
  })

  it('ends the command when the process that started it dies by SIGKILL (no exit hook runs)', async () => {
    const script = [
      "import { spawnProcessGroup } from './emulators/firestore/internal/process-group.ts'",
      "import { nodePlatform } from './emulators/firestore/platform.ts'",
      "const group = await spawnProcessGroup(nodePlatform.spawn, 'sleep', ['60'], { env: process.env })",
      'console.log(group.pid)',
      'setInterval(() => {}, 1000)',
    ].join('\n')
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT })
    const pgid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))))
    expect(isGroupAlive(pgid)).toBe(true)
    parent.kill('SIGKILL')
    const deadline = Date.now() + 5_000
    while (isGroupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(isGroupAlive(pgid)).toBe(false)
  })

  it('rejects when the command does not exist', async () => {
    await expect(spawnProcessGroup(nodePlatform.spawn, 'no-such-command-openbell', [], { env: process.env })).rejects.toThrow(
      /ENOENT/,
    )
  })
})
