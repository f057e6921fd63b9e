import { OpenbellError } from '../../../support/errors.ts'
import { FIRESTORE_EMULATOR_DEFAULTS } from '../defaults.ts'
import { isLoopbackHostname } from '../internal/is-loopback-host.ts'
import { firstLine, runCommand } from '../internal/run-command.ts'
import type { FirestorePlatform, FirestoreStrategy } from '../types.ts'
import { FIRESTORE_EMULATOR_CONTAINER_PORT, FIRESTORE_EMULATOR_IMAGE } from '../versions.ts'

/** Options of the `testcontainers` strategy. */
export interface TestcontainersStrategyOptions {
  /**
   * How long `docker version` may take before Docker counts as absent.
   * @default 500
   */
  dockerProbeTimeoutMs?: number
}

/**
 * Why no Docker engine can be used here, or `undefined` when one answers. Runs `docker version` in a child
 * process killed after `timeoutMs`, so a missing or hung engine costs at most that long.
 */
export async function whyNoDocker(
  env: NodeJS.ProcessEnv,
  platform: FirestorePlatform,
  timeoutMs: number = FIRESTORE_EMULATOR_DEFAULTS.dockerProbeTimeoutMs,
): Promise<string | undefined> {
  const dockerHost = env.DOCKER_HOST ?? ''
  const tcp = /^tcp:\/\/([^:/]+|\[[^\]]+\])/.exec(dockerHost)
  if (tcp && !isLoopbackHostname((tcp[1] as string).replace(/^\[|\]$/g, ''))) {
    return `DOCKER_HOST=${dockerHost} is not on this machine; openbell only contacts loopback addresses.`
  }
  const result = await runCommand(platform.spawn, 'docker', ['version', '--format', '{{.Server.Version}}'], { env, timeoutMs })
  switch (result.kind) {
    case 'not-found':
      return 'the docker CLI is not on PATH.'
    case 'timed-out':
      return `\`docker version\` did not answer within ${result.timeoutMs} ms (a hung Docker engine?).`
    case 'exited': {
      const version = firstLine(result.stdout)
      if (result.code === 0 && version !== '') return undefined
      const why = firstLine(result.stderr) || `exit code ${result.code}`
      return `no Docker engine answered \`docker version\`: ${why}`
    }
  }
}

/**
 * Runs Google's emulator in a container (`gcloud emulators firestore start`), like `@testcontainers/gcloud`'s
 * FirestoreEmulatorContainer, when a Docker engine answers.
 * @see https://github.com/testcontainers/testcontainers-node/blob/main/packages/modules/gcloud/src/firestore-emulator-container.ts
 */
export function createTestcontainersStrategy(options: TestcontainersStrategyOptions = {}): FirestoreStrategy {
  return {
    name: 'testcontainers',
    async probe({ env, platform, startupTimeoutMs }) {
      const why = await whyNoDocker(env, platform, options.dockerProbeTimeoutMs)
      if (why !== undefined) return { applicable: false, reason: why }
      // @note imported lazily: loading testcontainers costs time that machines without Docker should not pay.
      const { GenericContainer, Wait } = await import('testcontainers')
      const port = FIRESTORE_EMULATOR_CONTAINER_PORT
      const container = await new GenericContainer(FIRESTORE_EMULATOR_IMAGE)
        .withExposedPorts(port)
        .withCommand(['gcloud', 'emulators', 'firestore', 'start', `--host-port=0.0.0.0:${port}`])
        .withWaitStrategy(Wait.forHttp('/', port).forResponsePredicate((body) => body.trim() === 'Ok'))
        .withStartupTimeout(startupTimeoutMs)
        .start()
      const hostname = container.getHost() === 'localhost' ? '127.0.0.1' : container.getHost()
      if (!isLoopbackHostname(hostname)) {
        await container.stop()
        throw new OpenbellError(`the container's port is published on ${hostname}, not on this machine; use a local Docker engine.`)
      }
      const host = `${hostname}:${container.getMappedPort(port)}`
      let stopped: Promise<void> | undefined
      return {
        applicable: true,
        host,
        pid: undefined,
        limitations: [],
        reason: `ran ${FIRESTORE_EMULATOR_IMAGE} as container ${container.getId().slice(0, 12)} on ${host}.`,
        stop: () => (stopped ??= container.stop().then(() => undefined)),
      }
    },
  }
}
