import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createRunContextChannel, receiveRunContext, receivedRunContext, type RunContextChannel } from './run-context-channel.ts'
import type { RunContext } from './run-context.ts'

const CONTEXT = {
  runId: '20261202T060000.000Z-emulators',
  runDir: '/tmp/openbell-run',
  namespace: 'trading-floor',
  cluster: { kubeconfigPath: '/tmp/openbell-floor-x/kubeconfig', context: 'openbell', server: 'http://127.0.0.1:1', version: 'v1.32.4', problem: null },
  workerSetup: { files: ['/work/emulators/alpaca/worker-setup.ts'], env: { APCA_API_KEY_ID: 'PKDEMO' } },
} as unknown as RunContext

describe('run context channel: the whole context reaches a worker that started before the run was prepared', () => {
  let channel: RunContextChannel | undefined
  afterEach(() => channel?.dispose())

  it('a worker waiting before the context is built gets all of it, deep-frozen, once it is delivered', async () => {
    const started = (channel = createRunContextChannel())
    const waiting = receiveRunContext(started.file, { pollMs: 5 })
    setTimeout(() => started.deliver(CONTEXT), 30)
    const received = await waiting
    expect(received).toEqual(CONTEXT)
    expect(Object.isFrozen(received.cluster)).toBe(true)
    expect(() => ((received.workerSetup.env as Record<string, string>).APCA_API_KEY_ID = 'edited')).toThrow(TypeError)
    expect(receivedRunContext(started.file)).toBe(received)
    await expect(receiveRunContext(started.file)).resolves.toBe(received)
  })

  it('sends one message per run: a second delivery is refused', () => {
    channel = createRunContextChannel()
    channel.deliver(CONTEXT)
    expect(() => channel!.deliver(CONTEXT)).toThrow('already sent')
    expect(() => channel!.fail('late')).toThrow('already sent')
  })

  it('a run that could not be prepared ends the wait with the runner’s reason', async () => {
    channel = createRunContextChannel()
    channel.fail('The emulator floor did not start: the Firestore emulator exited with code 1')
    await expect(receiveRunContext(channel.file)).rejects.toThrow('[openbell] The emulator floor did not start: the Firestore emulator exited with code 1')
  })

  it('a runner that never writes the file ends the wait at the deadline, naming the file', async () => {
    channel = createRunContextChannel()
    await expect(receiveRunContext(channel.file, { timeoutMs: 50, pollMs: 5 })).rejects.toThrow(`never wrote ${channel.file}`)
  })

  it('a spec asking for the context of a channel it never received from is told how specs run', () => {
    expect(() => receivedRunContext('/nowhere/run-context.json')).toThrow('gate specs run only through openbell')
  })

  it('the file is private to the operator and gone after dispose', () => {
    channel = createRunContextChannel()
    channel.deliver(CONTEXT)
    expect(statSync(channel.file).mode & 0o077).toBe(0)
    expect(statSync(path.dirname(channel.file)).mode & 0o077).toBe(0)
    channel.dispose()
    expect(existsSync(path.dirname(channel.file))).toBe(false)
  })

  it('is gone when the process exits early (a crash or Ctrl-C ends openbell past every finally)', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const script = `import { createRunContextChannel } from './support/context/run-context-channel.ts'
      const channel = createRunContextChannel(); channel.deliver(${JSON.stringify(CONTEXT)}); console.log(channel.file); process.exit(3)`
    const file = (() => {
      try {
        return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
      } catch (error) {
        return (error as { stdout: string }).stdout
      }
    })().trim()
    expect(file).toMatch(/openbell-context-.+run-context\.json$/)
    expect(existsSync(path.dirname(file))).toBe(false)
  })
})
