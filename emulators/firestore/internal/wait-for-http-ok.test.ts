import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProcessExit } from './process-group.ts'
import { FirestoreEmulatorExitedError, waitForHttpOk } from './wait-for-http-ok.ts'

const READY = 'Dev App Server is now running.'

describe('waitForHttpOk: the answer must come from the emulator that was started', () => {
  let server: Server
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

  async function answeringOk(): Promise<string> {
    server = createServer((_request, response) => response.end('Ok\n'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  }

  it('another emulator already on the port does not pass for one that could not bind it', async () => {
    const url = await answeringOk()
    const exited = new Promise<ProcessExit>((resolve) => setTimeout(() => resolve({ code: 1, signal: null }), 300))
    const waiting = waitForHttpOk({
      url,
      timeoutMs: 10_000,
      exited,
      output: () => 'SEVERE: Exiting due to unexpected exception.\njava.net.BindException: Address already in use',
      what: 'the emulator under test',
      readyOutput: READY,
    })
    await expect(waiting).rejects.toThrow(FirestoreEmulatorExitedError)
    await expect(waiting).rejects.toThrow('Address already in use')
  })

  it('is ready once the port answers "Ok" and the process has said it is running', async () => {
    const url = await answeringOk()
    let output = 'starting'
    setTimeout(() => (output += `\n${READY}\n`), 300)
    const started = Date.now()
    await waitForHttpOk({ url, timeoutMs: 10_000, exited: new Promise(() => undefined), output: () => output, what: 'x', readyOutput: READY })
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  })
})
