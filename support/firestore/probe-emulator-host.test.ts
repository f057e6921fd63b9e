import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { probeEmulatorHost } from './probe-emulator-host.ts'

describe('probeEmulatorHost', () => {
  it('resolves when something listens', async () => {
    const server = net.createServer((socket) => socket.end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await expect(probeEmulatorHost(`127.0.0.1:${port}`, 'demo-openbell')).resolves.toBeUndefined()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('says what to do when nothing listens', async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const error = await probeEmulatorHost(`127.0.0.1:${port}`, 'demo-openbell').catch((e: unknown) => e)
    expect(error).toEqual(
      new CouldNotCheckError(
        `Could not reach the Firestore emulator at 127.0.0.1:${port}: UNAVAILABLE (connect ECONNREFUSED 127.0.0.1:${port}). ` +
          `Check that the emulator answers at 127.0.0.1:${port} (start it, or fix FIRESTORE_EMULATOR_HOST), then rerun.`,
      ),
    )
  })
})
