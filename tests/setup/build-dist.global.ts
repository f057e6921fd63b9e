/**
 * vitest globalSetup of the harness's own tests: compiles dist/ once, before any test starts `bin/openbell.js`, so
 * the tests run the compiled build (as an operator does) and no two test processes compile it at once.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default function setup(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'bin/build-dist.js')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
}
