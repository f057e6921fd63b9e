import { FIRESTORE_EMULATOR_DEFAULTS } from '../defaults.ts'
import { openClassDataArchive } from '../internal/class-data-archive.ts'
import { getFreePort } from '../internal/free-port.ts'
import { spawnProcessGroup, type ProcessGroup } from '../internal/process-group.ts'
import { FirestoreEmulatorExitedError, waitForHttpOk } from '../internal/wait-for-http-ok.ts'
import type { FirestoreStrategy, RunningFirestore } from '../types.ts'
import {
  FIRESTORE_EMULATOR_JVM_FLAGS,
  FIRESTORE_EMULATOR_MAIN_CLASS,
  FIRESTORE_EMULATOR_PORT_TAKEN_OUTPUT,
  FIRESTORE_EMULATOR_READY_OUTPUT,
} from '../versions.ts'
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
  /**
   * Chooses the port for an attempt.
   * @default a free loopback port from the kernel
   */
  choosePort?: () => Promise<number>
  /**
   * Where the JVM's class-data archive is kept (`internal/class-data-archive.ts`); `null` starts without one.
   * @default FIRESTORE_EMULATOR_DEFAULTS.classDataArchiveDir
   */
  classDataArchiveDir?: string | null
}

/** How long a JVM recording its class-data archive gets to write it when stopped. */
const RECORDING_STOP_GRACE_MS = 20_000

/** Attempts at starting the emulator when its port is taken between choosing it and the emulator binding it. */
const PORT_ATTEMPTS = 3

/**
 * Runs Google's Firestore emulator jar with java on 127.0.0.1 and a free port, and waits until `GET /` answers "Ok".
 * @note We run java ourselves instead of `gcloud emulators firestore start`: it skips ~1 s of Python, and
 * the emulator is then the only process. It still runs in its own process group, killed as a whole on
 * stop and on this process's exit.
 */
export function createGcloudStrategy(options: GcloudStrategyOptions = {}): FirestoreStrategy {
  const stopGraceMs = options.stopGraceMs ?? FIRESTORE_EMULATOR_DEFAULTS.stopGraceMs
  const choosePort = options.choosePort ?? getFreePort
  const archiveDir = options.classDataArchiveDir === undefined ? FIRESTORE_EMULATOR_DEFAULTS.classDataArchiveDir : options.classDataArchiveDir
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
      // @note the chosen port is free when chosen, not necessarily when the JVM binds it (a parallel run's emulator
      // may take it first): the emulator then exits, and the next attempt gets another port.
      for (let attempt = 1; ; attempt += 1) {
        const port = await choosePort()
        const archive = archiveDir === null ? null : openClassDataArchive(archiveDir, { java, jar: location.jar, flags: FIRESTORE_EMULATOR_JVM_FLAGS })
        const jvmFlags = [...FIRESTORE_EMULATOR_JVM_FLAGS, ...(archive?.jvmFlags ?? [])]
        const args = [...jvmFlags, '-cp', location.jar, FIRESTORE_EMULATOR_MAIN_CLASS, '--host=127.0.0.1', `--port=${port}`]
        const group = await spawnProcessGroup(platform.spawn, java, args, { env })
        try {
          await waitForHttpOk({
            url: `http://127.0.0.1:${port}/`,
            timeoutMs: startupTimeoutMs,
            exited: group.exited,
            output: group.output,
            readyOutput: FIRESTORE_EMULATOR_READY_OUTPUT,
            what: `Google's Firestore emulator (${java} ${args.join(' ')})`,
          })
        } catch (error) {
          await group.kill(stopGraceMs)
          archive?.discard()
          const portTaken = error instanceof FirestoreEmulatorExitedError && group.output().includes(FIRESTORE_EMULATOR_PORT_TAKEN_OUTPUT)
          if (portTaken && attempt < PORT_ATTEMPTS) continue
          throw error
        }
        const archiveNote = archive === null || archive.jvmFlags.length === 0 ? '' : archive.recording ? ' (recording its class-data archive)' : ' (with its class-data archive)'
        const how = `ran ${java} -cp ${location.jar} (${location.how}) on 127.0.0.1:${port}, pid ${group.pid}${archiveNote}.`
        // @note a JVM recording its archive writes ~45 MB when stopped (~5 s on 2 cores): it gets the time to finish.
        const graceMs = archive?.recording ? Math.max(stopGraceMs, RECORDING_STOP_GRACE_MS) : stopGraceMs
        return started(group, port, how, graceMs, (endedOnTerm) => archive?.settle(group.output(), endedOnTerm))
      }
    },
  }

  function started(group: ProcessGroup, port: number, reason: string, graceMs: number, afterExit: (endedOnTerm: boolean) => void): RunningFirestore {
    let stopped: Promise<void> | undefined
    return {
      applicable: true,
      host: `127.0.0.1:${port}`,
      pid: group.pid,
      limitations: [],
      reason,
      stop: () => (stopped ??= group.kill(graceMs).then(afterExit)),
    }
  }
}
