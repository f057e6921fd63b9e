/**
 * Where openbell's files are, whether it runs from its TypeScript sources (the harness's own tests, tsx) or from the
 * compiled JavaScript in `dist/` (`bin/openbell.js`, the image). Code that starts code (a vitest setup file, the spec
 * folder) asks {@link codeFile}; code that reads data (package.json, fixtures, scenario YAML) asks {@link PROJECT_ROOT}.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = fileURLToPath(import.meta.url)

/** `.ts` when running from the sources, `.js` when running the compiled build. */
export const MODULE_EXTENSION: '.ts' | '.js' = path.extname(HERE) === '.js' ? '.js' : '.ts'

/** The folder holding `bin/`, `support/`, `specs/` and `emulators/` as they run: the project root, or `<root>/dist`. */
export const CODE_ROOT = path.dirname(path.dirname(HERE))

/** The project root: `package.json`, `fixtures/`, the scenarios' YAML, `node_modules/`. */
export const PROJECT_ROOT = MODULE_EXTENSION === '.js' ? path.dirname(CODE_ROOT) : CODE_ROOT

/**
 * The absolute path of a module as it runs, from its source path.
 * @example codeFile('support/worker/worker-setup.ts') // '<root>/dist/support/worker/worker-setup.js' when compiled
 */
export function codeFile(sourcePath: string): string {
  return path.join(CODE_ROOT, sourcePath.replace(/\.ts$/, MODULE_EXTENSION))
}

/** openbell's own cache (the Firestore emulator's class-data archive, parsed fixtures): `npm ci` empties it. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules/.cache/openbell')
