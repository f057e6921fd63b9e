import { describe, expect, it } from 'vitest'
import { OpsServiceEmulator, startOpsServices } from '../../emulators/ops/index.ts'
import { UsageError } from '../../support/errors.ts'
import { httpGet, HttpGetError } from './http-get.ts'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))
const HANDLE_KINDS = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout']

/** No server or socket left, and no more timers than before (vitest's and earlier clients' timers come and go). */
function expectNoLeak(before: Record<string, number>, after: Record<string, number>): void {
  expect({ servers: after.TCPServerWrap, sockets: after.TCPSocketWrap }).toEqual({ servers: before.TCPServerWrap, sockets: before.TCPSocketWrap })
  expect(after.Timeout).toBeLessThanOrEqual(before.Timeout!)
}

/** Counts the handles a stand-in could leak, after letting earlier closes finish. */
async function openHandles(): Promise<Record<string, number>> {
  await settle()
  const counts: Record<string, number> = Object.fromEntries(HANDLE_KINDS.map((kind) => [kind, 0]))
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]!++
  return counts
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'answered', (error: unknown) => error)

describe('stop()', () => {
  it.each([
    ['a hanging request', { hang: true }],
    ['an endless body', { endlessBody: true }],
    ['a long delay', { delayMs: 60_000 }],
  ])('ends %s and leaves no handle', async (_case, fault) => {
    const before = await openHandles()
    const started = await new OpsServiceEmulator('strategy-engine').withOverrides({ paths: { '/metrics': fault } }).start()
    const pending = failureOf(httpGet(`${started.url}/metrics`, { timeoutMs: 30_000, maxBytes: Number.MAX_SAFE_INTEGER }))
    await settle()
    await started.stop()
    const error = await pending
    expect(error).toBeInstanceOf(HttpGetError)
    expect((error as HttpGetError).reason).toBe('socket')
    expectNoLeak(before, await openHandles())
  })

  it('closes the port, and a second stop() is harmless', async () => {
    const started = await new OpsServiceEmulator('marketdata-mcp-server').start()
    await started.stop()
    await started.stop()
    expect(((await failureOf(httpGet(`${started.url}/healthz`))) as HttpGetError).message).toMatch(/ECONNREFUSED/)
  })

  it('runs at the end of an `await using` block', async () => {
    const before = await openHandles()
    let url = ''
    {
      await using ops = await startOpsServices()
      url = ops.urls['execution-engine']
      expect((await httpGet(`${url}/healthz`)).status).toBe(200)
    }
    expectNoLeak(before, await openHandles())
    expect(await failureOf(httpGet(`${url}/healthz`))).toBeInstanceOf(HttpGetError)
  })

  it('startOpsServices stops the stand-ins it started when another one fails', async () => {
    const before = await openHandles()
    await expect(startOpsServices({ services: { 'execution-engine': { metricValues: { 'no_such_metric_total': 1 } } } })).rejects.toBeInstanceOf(UsageError)
    expectNoLeak(before, await openHandles())
  })
})
