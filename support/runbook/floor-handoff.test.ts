import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { awaitFloorEndpoints, createFloorHandoff, type FloorHandoff } from './floor-handoff.ts'

const ENDPOINTS = {
  kubeconfigPath: '/tmp/openbell-floor-x/kubeconfig',
  firestoreEmulatorHost: '127.0.0.1:8080',
  workerSetupFiles: ['/work/emulators/alpaca/worker-setup.ts'],
  workerEnv: { APCA_API_KEY_ID: 'PKDEMO' },
}

describe('floor handoff: the floor’s endpoints reach a worker that started before the floor was up', () => {
  let handoff: FloorHandoff | undefined
  afterEach(() => handoff?.dispose())

  it('a worker waiting before the floor is up gets the endpoints once they are delivered', async () => {
    const started = (handoff = createFloorHandoff())
    const waiting = awaitFloorEndpoints(started.file, { pollMs: 5 })
    setTimeout(() => started.deliver(ENDPOINTS), 30)
    await expect(waiting).resolves.toEqual(ENDPOINTS)
  })

  it('a floor that failed to start ends the wait with the runner’s reason', async () => {
    handoff = createFloorHandoff()
    handoff.fail('the Firestore emulator exited with code 1')
    await expect(awaitFloorEndpoints(handoff.file)).rejects.toThrow('The emulator floor did not start: the Firestore emulator exited with code 1')
  })

  it('a runner that never writes the file ends the wait at the deadline, naming the file', async () => {
    handoff = createFloorHandoff()
    await expect(awaitFloorEndpoints(handoff.file, { timeoutMs: 50, pollMs: 5 })).rejects.toThrow(`never wrote ${handoff.file}`)
  })

  it('the file is private to the operator and gone after dispose', () => {
    handoff = createFloorHandoff()
    handoff.deliver(ENDPOINTS)
    expect(statSync(handoff.file).mode & 0o077).toBe(0)
    expect(statSync(path.dirname(handoff.file)).mode & 0o077).toBe(0)
    handoff.dispose()
    expect(existsSync(path.dirname(handoff.file))).toBe(false)
  })

  it('is gone when the process exits early (a crash or Ctrl-C ends openbell past every finally)', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const script = `import { createFloorHandoff } from './support/runbook/floor-handoff.ts'
      const handoff = createFloorHandoff(); handoff.deliver(${JSON.stringify(ENDPOINTS)}); console.log(handoff.file); process.exit(3)`
    const file = (() => {
      try {
        return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
      } catch (error) {
        return (error as { stdout: string }).stdout
      }
    })().trim()
    expect(file).toMatch(/openbell-handoff-.+floor\.json$/)
    expect(existsSync(path.dirname(file))).toBe(false)
  })
})
