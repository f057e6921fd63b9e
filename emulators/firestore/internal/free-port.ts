import { createServer } from 'node:net'

/**
 * Asks the OS for a free TCP port on 127.0.0.1.
 * @note The port is released before the caller binds it; another process could take it in between.
 * Java's emulator cannot bind port 0 and report it back, so this small race is accepted; a lost race
 * shows up as the emulator exiting early, with its output in the error.
 */
export async function getFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
