import { UsageError } from '../errors.ts'
import type { Environment } from '../gates/index.ts'

/** `host:port` or `[v6]:port`, as firebase-admin reads FIRESTORE_EMULATOR_HOST. */
const HOST_PORT = /^(?:\[([^\]\s]+)\]|([^:[\]\s/]+)):(\d{1,5})$/

/** Whether a host name or address is this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase()
  if (lower === 'localhost' || lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(lower)
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255)
}

/**
 * Checks `FIRESTORE_EMULATOR_HOST` before anything runs, without connecting anywhere: it must be `host:port`, and in
 * emulator mode the host must be this machine, because firebase-admin sends every read to that variable's host
 * whatever openbell asks for, and openbell never sends traffic off the machine in emulator mode.
 * An unset or empty variable is fine.
 * @throws {UsageError} naming the value, what was expected and what to do.
 */
export function checkFirestoreEmulatorHost(value: string | undefined, env: Environment): void {
  if (value === undefined || value === '') return
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  const match = HOST_PORT.exec(value)
  const port = Number(match?.[3])
  if (match === null || port < 1 || port > 65_535) {
    throw new UsageError(`FIRESTORE_EMULATOR_HOST=${shown} is not host:port (e.g. 127.0.0.1:8080); fix or unset it.`)
  }
  const host = match[1] ?? match[2] ?? ''
  if (env === 'emulators' && !isLoopbackHost(host)) {
    throw new UsageError(
      `FIRESTORE_EMULATOR_HOST=${shown} is not on this machine; in emulator mode openbell only talks to emulators on ` +
        '127.0.0.1, ::1 or localhost. Forward the port to 127.0.0.1, or unset the variable so openbell starts its own emulator.',
    )
  }
}
