import net from 'node:net'
import { CouldNotCheckError } from '../errors.ts'
import { nextStepFor } from './firestore-failure.ts'

/**
 * Opens (and closes) one TCP connection to an emulator's `host:port`, so a dead emulator is found in milliseconds.
 * @note Why not just a Firestore read: against a closed port the SDK keeps retrying in the background after our
 * deadline, which holds a CLI process open for most of a minute after it has answered.
 * @throws {CouldNotCheckError} naming the host, what went wrong and what to do next.
 */
export async function probeEmulatorHost(hostPort: string, projectId: string, timeoutMs = 5_000): Promise<void> {
  const separator = hostPort.lastIndexOf(':')
  const host = hostPort.slice(0, separator).replace(/^\[(.*)\]$/, '$1')
  const port = Number(hostPort.slice(separator + 1))
  const fail = (code: string, detail: string): CouldNotCheckError =>
    new CouldNotCheckError(
      `Could not reach the Firestore emulator at ${hostPort}: ${code} (${detail}). ${nextStepFor(code, { projectId, emulatorHost: hostPort })}`,
    )
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(fail('DEADLINE_EXCEEDED', `no connection within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.end()
      resolve()
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(fail('UNAVAILABLE', error.message))
    })
  })
}
