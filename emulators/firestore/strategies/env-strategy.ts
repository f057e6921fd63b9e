import { connect } from 'node:net'
import { OpenbellError } from '../../../support/errors.ts'
import { FIRESTORE_EMULATOR_DEFAULTS } from '../defaults.ts'
import { isLoopbackHostname, parseHostPort } from '../internal/is-loopback-host.ts'
import { answersOk } from '../internal/wait-for-http-ok.ts'
import type { FirestoreStrategy } from '../types.ts'

/** Options of the `env` strategy. */
export interface EnvStrategyOptions {
  /**
   * How long the emulator named by `FIRESTORE_EMULATOR_HOST` may take to accept a TCP connection.
   * @default 1000
   */
  timeoutMs?: number
}

/** Whether something accepts TCP connections at `hostname:port` within `timeoutMs`; the error code if not. */
async function canConnect(hostname: string, port: number, timeoutMs: number): Promise<true | string> {
  return await new Promise((resolve) => {
    const socket = connect({ host: hostname, port, timeout: timeoutMs })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(`no connection within ${timeoutMs} ms`)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

/**
 * Uses the emulator named by `FIRESTORE_EMULATOR_HOST`, after checking that it answers; starts and stops nothing.
 * @note A set-but-dead host is `failed`, not `not-applicable`: the probing goes on, but firebase-admin reads
 * `process.env.FIRESTORE_EMULATOR_HOST` over any `settings({ host })`, so `createFirestoreClient` refuses
 * to target another host while that variable is set.
 */
export function createEnvStrategy(options: EnvStrategyOptions = {}): FirestoreStrategy {
  const timeoutMs = options.timeoutMs ?? FIRESTORE_EMULATOR_DEFAULTS.envProbeTimeoutMs
  return {
    name: 'env',
    async probe({ env }) {
      const value = env.FIRESTORE_EMULATOR_HOST
      if (value === undefined || value === '') {
        return { applicable: false, reason: 'FIRESTORE_EMULATOR_HOST is not set.' }
      }
      const parsed = parseHostPort(value)
      if (!parsed) {
        throw new OpenbellError(
          `FIRESTORE_EMULATOR_HOST=${JSON.stringify(value)} is not host:port; expected e.g. 127.0.0.1:8080. Fix or unset it.`,
        )
      }
      if (!isLoopbackHostname(parsed.hostname)) {
        throw new OpenbellError(
          `FIRESTORE_EMULATOR_HOST=${value} is not a loopback address; openbell only contacts emulators on this machine. ` +
            'Forward the port to 127.0.0.1 or unset the variable.',
        )
      }
      const connected = await canConnect(parsed.hostname, parsed.port, timeoutMs)
      if (connected !== true) {
        throw new OpenbellError(
          `FIRESTORE_EMULATOR_HOST=${value} is set but nothing answered there (${connected}). ` +
            'Start the emulator, or unset the variable so openbell starts one.',
        )
      }
      // @note Google's emulator answers `GET /` with "Ok"; the pure-Node one speaks gRPC only.
      const google = await answersOk(`http://${value}/`, timeoutMs)
      return {
        applicable: true,
        host: value,
        pid: undefined,
        limitations: [],
        reason: google
          ? `FIRESTORE_EMULATOR_HOST=${value} answered GET / with "Ok" (Google's emulator); left running.`
          : `FIRESTORE_EMULATOR_HOST=${value} accepts connections (not Google's emulator: GET / did not answer "Ok"); left running.`,
        async stop() {},
      }
    },
  }
}
