#!/usr/bin/env node
// The `openbell` executable: runs the compiled JavaScript in dist/, compiled first when a TypeScript source changed since the build.
import { ensureBuilt } from './build-dist.js'

// @note stack traces (a crash line, a check's error in the reports) name the TypeScript file and line, not dist/.
process.setSourceMapsEnabled(true)
try {
  ensureBuilt()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  // @note no verdict could be reached: the same exit code as any other run that could not verify anything.
  process.exit(3)
}
const { main } = await import('../dist/bin/openbell.js')
// @note exit explicitly: a request abandoned at its deadline (a hung API server) must not keep openbell alive.
process.exit(await main(process.argv.slice(2)))
