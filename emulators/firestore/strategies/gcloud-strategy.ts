import { FIRESTORE_EMULATOR_DEFAULTS } from '../defaults.ts'
import { getFreePort } from '../internal/free-port.ts'
import { spawnProcessGroup } from '../internal/process-group.ts'
import { waitForHttpOk } from '../internal/wait-for-http-ok.ts'
import type { FirestoreStrategy } from '../types.ts'
import { FIRESTORE_EMULATOR_JVM_FLAGS, FIRESTORE_EMULATOR_MAIN_CLASS } from '../versions.ts'
import { locateFirestoreEmulatorJar, locateJava } from './locate-firestore-emulator-jar.ts'

/** Options of the `gcloud` strategy. */
export interface GcloudStrategyOptions {
  /**
   * The emulator jar to run.
   * @default found under `$CLOUDSDK_ROOT_DIR`, a well-known SDK root, or `gcloud info`
   */
  jarPath?: string
  /**
   * How long the process group gets between SIGTERM and SIGKILL on stop.
   * @default 3000
   */
  stopGraceMs?: number
}

/**
 * Runs Google's Firestore emulator jar with java on 127.0.0.1 and a free port, and waits until `GET /` answers "Ok".
 * @note We run java ourselves instead of `gcloud emulators firestore start`: it skips ~1 s of Python, and
 * the emulator is then the only process. It still runs in its own process group, killed as a whole on
 * stop and on this process's exit.
 */
export function createGcloudStrategy(options: GcloudStrategyOptions = {}): FirestoreStrategy {
  const stopGraceMs = options.stopGraceMs ?? FIRESTORE_EMULATOR_DEFAULTS.stopGraceMs
  return {
    name: 'gcloud',
    async probe({ env, platform, startupTimeoutMs }) {
      if (platform.os === 'win32') {
        return { applicable: false, reason: 'stopping the emulator’s process tree needs POSIX process groups (not Windows).' }
      }
      const location = options.jarPath
        ? platform.fileExists(options.jarPath)
          ? { found: true as const, jar: options.jarPath, how: 'given as jarPath' }
          : { found: false as const, searched: [options.jarPath] }
        : await locateFirestoreEmulatorJar(env, platform)
      if (!location.found) {
        return {
          applicable: false,
          reason:
            `no Firestore emulator jar; searched ${location.searched.join(', ')}. ` +
            'Install it with `gcloud components install cloud-firestore-emulator`.',
        }
      }
      const java = locateJava(env, platform)
      if (!java) {
        return { applicable: false, reason: `the emulator jar is at ${location.jar} but no java (JAVA, JAVA_HOME, PATH); install Java 11+.` }
      }
      const port = await getFreePort()
      const args = [...FIRESTORE_EMULATOR_JVM_FLAGS, '-cp', location.jar, FIRESTORE_EMULATOR_MAIN_CLASS, '--host=127.0.0.1', `--port=${port}`]
      const group = await spawnProcessGroup(platform.spawn, java, args, { env })
      try {
        await waitForHttpOk({
          url: `http://127.0.0.1:${port}/`,
          timeoutMs: startupTimeoutMs,
          exited: group.exited,
          output: group.output,
          what: `Google's Firestore emulator (${java} ${args.join(' ')})`,
        })
      } catch (error) {
        await group.kill(stopGraceMs)
        throw error
      }
      let stopped: Promise<void> | undefined
      return {
        applicable: true,
        host: `127.0.0.1:${port}`,
        pid: group.pid,
        limitations: [],
        reason: `ran ${java} -cp ${location.jar} (${location.how}) on 127.0.0.1:${port}, pid ${group.pid}.`,
        stop: () => (stopped ??= group.kill(stopGraceMs)),
      }
    },
  }
}
