import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  nodePlatform,
  startFirestoreEmulator,
  type FirestorePlatform,
} from '../../emulators/firestore/index.ts'
import { getFreePort } from '../../emulators/firestore/internal/free-port.ts'
import { isProcessRunning } from '../../emulators/firestore/internal/process-group.ts'
import { createGcloudStrategy } from '../../emulators/firestore/strategies/gcloud-strategy.ts'
import { CouldNotCheckError } from '../../support/errors.ts'
import { availableBackends } from './available-backends.ts'

/** The real platform, recording the pid of every child it spawns. */
function recordingPlatform(pids: number[]): FirestorePlatform {
  return {
    ...nodePlatform,
    spawn: (command, args, options) => {
      const child = nodePlatform.spawn(command, args, options)
      if (child.pid !== undefined) pids.push(child.pid)
      return child
    },
  }
}

describe.runIf((await availableBackends()).includes('gcloud'))("Google's emulator lifecycle", () => {
  it('answers while started and leaves no process behind after stop()', async () => {
    const emulator = await startFirestoreEmulator({ strategies: ['gcloud'] })
    expect(emulator.backend).toBe('gcloud')
    expect(emulator.host).toMatch(/^127\.0\.0\.1:\d+$/)
    const pid = emulator.pid!
    expect(isProcessRunning(pid)).toBe(true)
    const answer = await fetch(`http://${emulator.host}/`).then((response) => response.text())
    expect(answer.trim()).toBe('Ok')

    await emulator.stop()
    await emulator.stop()

    expect(isProcessRunning(pid)).toBe(false)
  }, 60_000)

  it('stops on `await using` too', async () => {
    let pid: number | undefined
    {
      await using emulator = await startFirestoreEmulator({ strategies: ['gcloud'] })
      pid = emulator.pid
      expect(isProcessRunning(pid!)).toBe(true)
    }
    expect(isProcessRunning(pid!)).toBe(false)
  }, 60_000)

  it('kills what it started when readiness times out, and says so', async () => {
    const pids: number[] = []
    const error = await startFirestoreEmulator({
      strategies: ['gcloud'],
      startupTimeoutMs: 100,
      platform: recordingPlatform(pids),
    }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toMatch(
      /^\[openbell\] no Firestore emulator could be started: gcloud failed: Google's Firestore emulator \(.+java .+\) did not answer GET http:\/\/127\.0\.0\.1:\d+\/ with "Ok" within 100 ms \(last answer: .+\); its last output was: .+\. Raise startupTimeoutMs, or run the command by hand to see why\./,
    )
    expect(pids).toHaveLength(1)
    expect(isProcessRunning(pids[0]!)).toBe(false)
  }, 60_000)

  it('is killed when its parent process exits without stopping it', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/start-and-exit.ts', import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fixture], { timeout: 60_000 })
    const pid = Number(stdout.trim())
    expect(pid).toBeGreaterThan(0)
    // @note the hook sends SIGKILL on the parent's 'exit'; give the kernel a moment to take the JVM down.
    for (let i = 0; i < 40 && isProcessRunning(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(isProcessRunning(pid)).toBe(false)
  }, 60_000)
})

describe.runIf((await availableBackends()).includes('gcloud'))("Google's emulator on a port taken before it could bind it", () => {
  it('starts again on another port, and answers from its own process', async () => {
    await using first = await startFirestoreEmulator({ strategies: ['gcloud'] })
    const takenPort = Number(first.host.split(':')[1])
    const ports = [takenPort, await getFreePort()]
    await using second = await startFirestoreEmulator({ strategies: [createGcloudStrategy({ choosePort: async () => ports.shift() ?? getFreePort() })] })
    expect(second.host).not.toBe(first.host)
    expect(second.probes.at(-1)?.reason).toMatch(/on 127\.0\.0\.1:\d+, pid \d+( \(.+\))?\.$/)
    expect(second.pid).not.toBe(first.pid)
  })
})

describe.runIf((await availableBackends()).includes('gcloud'))("Google's emulator and its class-data archive", () => {
  it('records the archive when first stopped, and the next start maps it without a complaint from the JVM', async () => {
    const classDataArchiveDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-cds-'))
    const strategy = () => createGcloudStrategy({ classDataArchiveDir })
    const first = await startFirestoreEmulator({ strategies: [strategy()] })
    expect(first.probes.at(-1)?.reason).toContain('(recording its class-data archive)')
    await first.stop()
    expect(readdirSync(classDataArchiveDir)).toEqual([expect.stringMatching(/^firestore-emulator-[0-9a-f]{16}\.jsa$/)])
    await using second = await startFirestoreEmulator({ strategies: [strategy()] })
    expect(second.probes.at(-1)?.reason).toContain('(with its class-data archive)')
    await second.stop()
    expect(readdirSync(classDataArchiveDir)).toHaveLength(1)
  })
})
