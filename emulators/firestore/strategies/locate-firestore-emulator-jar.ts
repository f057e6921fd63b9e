import { join } from 'node:path'
import { FIRESTORE_EMULATOR_DEFAULTS } from '../defaults.ts'
import { findExecutable } from '../internal/find-executable.ts'
import { firstLine, runCommand } from '../internal/run-command.ts'
import type { FirestorePlatform } from '../types.ts'
import { FIRESTORE_EMULATOR_JAR, GCLOUD_SDK_ROOTS } from '../versions.ts'

/** Where the emulator jar was found, or every place that was searched. */
export type JarLocation =
  | { readonly found: true; readonly jar: string; readonly how: string }
  | { readonly found: false; readonly searched: readonly string[] }

/**
 * Finds Google's Firestore emulator jar: `$CLOUDSDK_ROOT_DIR`, well-known SDK roots, `$HOME/google-cloud-sdk`,
 * then the root `gcloud info` reports (slowest, so last).
 */
export async function locateFirestoreEmulatorJar(
  env: NodeJS.ProcessEnv,
  platform: FirestorePlatform,
  gcloudInfoTimeoutMs: number = FIRESTORE_EMULATOR_DEFAULTS.gcloudInfoTimeoutMs,
): Promise<JarLocation> {
  const roots = [
    ...(env.CLOUDSDK_ROOT_DIR ? [env.CLOUDSDK_ROOT_DIR] : []),
    ...GCLOUD_SDK_ROOTS,
    ...(env.HOME ? [join(env.HOME, 'google-cloud-sdk')] : []),
  ]
  const searched: string[] = []
  for (const root of roots) {
    const jar = join(root, FIRESTORE_EMULATOR_JAR)
    if (platform.fileExists(jar)) return { found: true, jar, how: `found under ${root}` }
    searched.push(jar)
  }
  const gcloud = findExecutable('gcloud', env, platform.fileExists)
  if (!gcloud) return { found: false, searched: [...searched, 'gcloud info (gcloud is not on PATH)'] }
  const info = await runCommand(platform.spawn, gcloud, ['info', '--format=value(installation.sdk_root)'], {
    env,
    timeoutMs: gcloudInfoTimeoutMs,
  })
  const root = info.kind === 'exited' && info.code === 0 ? firstLine(info.stdout) : ''
  if (root !== '') {
    const jar = join(root, FIRESTORE_EMULATOR_JAR)
    if (platform.fileExists(jar)) return { found: true, jar, how: `found under ${root} (from gcloud info)` }
    searched.push(jar)
  } else {
    searched.push(`gcloud info (${info.kind === 'exited' ? firstLine(info.stderr) || `exit ${info.code}` : info.kind})`)
  }
  return { found: false, searched }
}

/** Finds java: `$JAVA` (the SDK wrapper's variable), `$JAVA_HOME/bin/java`, then `PATH`. */
export function locateJava(env: NodeJS.ProcessEnv, platform: FirestorePlatform): string | undefined {
  if (env.JAVA && platform.fileExists(env.JAVA)) return env.JAVA
  if (env.JAVA_HOME && platform.fileExists(join(env.JAVA_HOME, 'bin', 'java'))) return join(env.JAVA_HOME, 'bin', 'java')
  return findExecutable('java', env, platform.fileExists)
}
