import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { secretRegistry } from '../secrets/index.ts'
import { SPEC_WORKER_THREAD_DEFAULTS, specWorkerThreadPool } from './spec-worker-thread-pool.ts'

type PoolOptions = Parameters<ReturnType<typeof specWorkerThreadPool>['createPoolWorker']>[0]

// @note a stand-in for vitest's worker entry point (`<distPath>/workers/threads.js`): it answers each message with the
// limits its thread was started with, what it printed going to the pool's output streams.
const distPath = mkdtempSync(path.join(os.tmpdir(), 'openbell-thread-pool-'))
mkdirSync(path.join(distPath, 'workers'))
writeFileSync(
  path.join(distPath, 'workers/threads.js'),
  `import { parentPort, resourceLimits } from 'node:worker_threads'
   console.log('worker says hello')
   parentPort.on('message', (message) => {
     if (message.share) parentPort.postMessage({ 'openbell.shared-secret': message.share })
     if (message.print) process.stderr.write(message.print)
     parentPort.postMessage({ echo: message, resourceLimits, env: process.env.OPENBELL_POOL_TEST })
   })`,
)
afterAll(() => rmSync(distPath, { recursive: true, force: true }))

function poolOptions(outputStream: PassThrough): PoolOptions {
  return {
    distPath,
    project: { vitest: { logger: { outputStream, errorStream: new PassThrough() } } },
    method: 'run',
    environment: { name: 'node', options: null },
    execArgv: [],
    env: { OPENBELL_POOL_TEST: 'from the pool options' },
  } as unknown as PoolOptions
}

describe('the spec worker thread: vitest\'s worker entry point in a thread whose young generation is bounded', () => {
  it('starts the entry point with the bound, the pool\'s environment and output, and ends the thread on stop', async () => {
    const output = new PassThrough()
    let printed = ''
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    const worker = specWorkerThreadPool().createPoolWorker(poolOptions(output))
    await worker.start()
    const answer = new Promise<{ echo: unknown; resourceLimits: { maxYoungGenerationSizeMb: number }; env: string }>((resolve) => worker.on('message', resolve))
    worker.send({ __vitest_worker_request__: true, type: 'cancel' } as never)
    const { echo, resourceLimits, env } = await answer
    expect(echo).toEqual({ __vitest_worker_request__: true, type: 'cancel' })
    expect(resourceLimits.maxYoungGenerationSizeMb).toBe(SPEC_WORKER_THREAD_DEFAULTS.maxYoungGenerationSizeMb)
    expect(env).toBe('from the pool options')
    await expect.poll(() => printed).toContain('worker says hello')
    await worker.stop()
    expect(() => worker.send({} as never)).toThrow('stopped or never started')
  })

  it('registers a secret the worker shares with this thread\'s scrubbing, before the result behind it, and never hands it to vitest', async () => {
    const secret = 'canary-worker-only-token-7e1c'
    expect(secretRegistry.forms()).not.toContain(secret)
    const worker = specWorkerThreadPool().createPoolWorker(poolOptions(new PassThrough()))
    await worker.start()
    const seen: unknown[] = []
    const known: boolean[] = []
    const answered = new Promise<void>((resolve) =>
      worker.on('message', (message) => {
        seen.push(message)
        known.push(secretRegistry.forms().includes(secret))
        resolve()
      }),
    )
    worker.send({ share: secret } as never)
    await answered
    await worker.stop()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ echo: { share: secret } })
    expect(known).toEqual([true])
    secretRegistry.clear()
  })

  it('screens what the worker writes to its own stderr: a known secret redacted, control characters escaped', async () => {
    const secret = 'canary-raw-stderr-token-31aa'
    secretRegistry.add(secret)
    const errors = new PassThrough()
    let printed = ''
    errors.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    const worker = specWorkerThreadPool().createPoolWorker({ ...poolOptions(new PassThrough()), project: { vitest: { logger: { outputStream: new PassThrough(), errorStream: errors } } } } as never)
    await worker.start()
    const answered = new Promise((resolve) => worker.on('message', resolve))
    worker.send({ print: `(node) Warning: token=${secret} \u001b[31mred\n` } as never)
    await answered
    await expect.poll(() => printed).toContain('Warning: token=[redacted]')
    expect(printed).not.toContain(secret)
    expect(printed).not.toContain('\u001b')
    await worker.stop()
    secretRegistry.clear()
  })

  it('takes another bound when given one', async () => {
    const worker = specWorkerThreadPool({ maxYoungGenerationSizeMb: 24 }).createPoolWorker(poolOptions(new PassThrough()))
    await worker.start()
    const answer = new Promise<{ resourceLimits: { maxYoungGenerationSizeMb: number } }>((resolve) => worker.on('message', resolve))
    worker.send({} as never)
    expect((await answer).resourceLimits.maxYoungGenerationSizeMb).toBe(24)
    await worker.stop()
  })
})
