import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
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

describe('run context channel: the waiting worker runs the runner\'s errands (seeding, reading the cluster) and answers them', () => {
  let channel: RunContextChannel | undefined
  afterEach(() => channel?.dispose())
  const never = new Promise<never>(() => undefined)

  it('an errand asked while the worker waits is run there, in order, and answered before the context arrives', async () => {
    const started = (channel = createRunContextChannel())
    const ran: string[] = []
    const waiting = receiveRunContext(started.file, {
      pollMs: 5,
      errands: {
        'seed-floor': async (request) => void ran.push(`seed ${JSON.stringify(request)}`),
        'read-cluster': async (request) => (ran.push('read'), { server: 'http://127.0.0.1:1', asked: request }),
      },
    })
    await expect(started.ask('seed-floor', { tenantId: 't1', now: '2026-12-02T14:30:00.000Z' }, never)).resolves.toBeNull()
    await expect(started.ask('read-cluster', { namespace: 'trading-floor' }, never)).resolves.toEqual({ server: 'http://127.0.0.1:1', asked: { namespace: 'trading-floor' } })
    started.deliver(CONTEXT)
    await expect(waiting).resolves.toEqual(CONTEXT)
    expect(ran).toEqual(['seed {"tenantId":"t1","now":"2026-12-02T14:30:00.000Z"}', 'read'])
  })

  it('an errand that fails rejects with the worker\'s reason; one the worker does not know is refused by name', async () => {
    const started = (channel = createRunContextChannel())
    void receiveRunContext(started.file, { pollMs: 5, errands: { 'seed-floor': async () => Promise.reject(new Error('the emulator refused the batch write')) } }).catch(() => undefined)
    await expect(started.ask('seed-floor', {}, never)).rejects.toThrow('seed-floor: the emulator refused the batch write')
    await expect(started.ask('halt', {}, never)).rejects.toThrow('halt: this spec worker runs no such errand')
    started.fail('done')
  })

  it('the runner stops waiting for an answer when the spec worker is gone (or never started), saying so', async () => {
    channel = createRunContextChannel()
    let end = (): void => undefined
    const ended = new Promise<void>((resolve) => (end = resolve))
    const asking = channel.ask('read-cluster', {}, ended)
    setTimeout(end, 30)
    await expect(asking).rejects.toThrow('read-cluster: the spec worker ended before it answered the runner')
    await expect(channel.ask('read-cluster', {}, Promise.reject(new Error('vitest could not start')))).rejects.toThrow('the spec worker failed (vitest could not start)')
  })

  it('an answer is scrubbed in the worker before it is written where the runner reads it', async () => {
    const started = (channel = createRunContextChannel())
    const token = 'kube-token-3f9a2c'
    void receiveRunContext(started.file, {
      pollMs: 5,
      errands: { 'read-cluster': async () => ({ problem: `the API server echoed Bearer ${token}` }) },
      scrub: (answer) => JSON.parse(JSON.stringify(answer).replaceAll(token, '[redacted]')),
    }).catch(() => undefined)
    await expect(started.ask('read-cluster', {}, never)).resolves.toEqual({ problem: 'the API server echoed Bearer [redacted]' })
    const written = readdirSync(path.dirname(started.file)).map((name) => readFileSync(path.join(path.dirname(started.file), name), 'utf8'))
    expect(written.join('\n')).not.toContain(token)
    started.fail('done')
  })

  it('runs no errand once the context is sent: a worker past its wait would never answer', async () => {
    channel = createRunContextChannel()
    channel.deliver(CONTEXT)
    await expect(channel.ask('read-cluster', {}, never)).rejects.toThrow('already sent')
  })
})

describe('run context channel: a second wait on the same channel in the same worker (vitest re-runs a transformed setup file per spec file)', () => {
  let channel: RunContextChannel | undefined
  afterEach(() => channel?.dispose())
  const never = new Promise<never>(() => undefined)

  it('runs no errand again, and fails at once when the run failed', async () => {
    const started = (channel = createRunContextChannel())
    let runs = 0
    const errands = { 'seed-floor': async () => void (runs += 1) }
    const first = receiveRunContext(started.file, { pollMs: 5, errands })
    await started.ask('seed-floor', {}, never)
    started.fail('The emulator floor did not start: seed-floor: the emulator refused the batch write')
    await expect(first).rejects.toThrow('did not start')
    await expect(receiveRunContext(started.file, { pollMs: 5, errands })).rejects.toThrow('[openbell] The emulator floor did not start')
    await expect(receiveRunContext(started.file, { pollMs: 5, errands })).rejects.toThrow('did not start')
    expect(runs).toBe(1)
  })

  it('fails at once after a wait that timed out, with its reason, instead of waiting its whole time again', async () => {
    channel = createRunContextChannel()
    await expect(receiveRunContext(channel.file, { timeoutMs: 30, pollMs: 5 })).rejects.toThrow('did not arrive within 30 ms')
    await expect(receiveRunContext(channel.file, { timeoutMs: 300_000, pollMs: 5 })).rejects.toThrow('did not arrive within 30 ms')
  })
})
