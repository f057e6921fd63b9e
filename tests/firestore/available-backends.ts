import { locateFirestoreEmulatorJar, locateJava, nodePlatform } from '../../emulators/firestore/index.ts'

/**
 * The backends that can start on this machine: Google's jar when it and java are installed, and always pure Node.
 * (`env` starts nothing; `testcontainers` needs a Docker engine, which these machines do not have.)
 */
export async function availableBackends(): Promise<readonly ('gcloud' | 'node')[]> {
  const jar = await locateFirestoreEmulatorJar(process.env, nodePlatform)
  const gcloud = jar.found && locateJava(process.env, nodePlatform) !== undefined
  return gcloud ? ['gcloud', 'node'] : ['node']
}
