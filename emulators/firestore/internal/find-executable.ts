import { delimiter, join } from 'node:path'

/** Finds `name` on the `PATH` of `env`, using `fileExists` to look; `undefined` when absent. */
export function findExecutable(
  name: string,
  env: NodeJS.ProcessEnv,
  fileExists: (path: string) => boolean,
): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    if (fileExists(candidate)) return candidate
  }
  return undefined
}
