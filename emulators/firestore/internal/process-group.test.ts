import { afterEach, describe, expect, it } from 'vitest'
import { nodePlatform } from '../platform.ts'
import { isGroupAlive, isProcessRunning as isAlive, spawnProcessGroup, type ProcessGroup } from './process-group.ts'

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
    await group.kill(200)
    expect(isGroupAlive(group.pid)).toBe(false)
    expect((await group.exited).signal).toBe('SIGKILL')
  })

  it('rejects when the command does not exist', async () => {
    await expect(spawnProcessGroup(nodePlatform.spawn, 'no-such-command-openbell', [], { env: process.env })).rejects.toThrow(
      /ENOENT/,
    )
  })
})
