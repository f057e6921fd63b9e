#!/usr/bin/env node
// The `openbell` executable: registers the TypeScript loader, then hands over to the TypeScript entry point.
import { register } from 'tsx/esm/api'

// @note the big dependencies load before tsx's hooks are registered: on Node 20 every module imported after
// register() makes a round trip to the loader-hooks thread, and @kubernetes/client-node alone is ~830 modules
// (zod ~95, vitest/node ~120). Loaded natively first, the CLI's imports take ~1.8 s instead of ~3.6 s on 2 idle
// cores (`npm run bench`, README "Benchmarks").
await Promise.all([import('@kubernetes/client-node'), import('zod'), import('vitest/node')])
register()
const { main } = await import('./openbell.ts')
// @note exit explicitly: a request abandoned at its deadline (a hung API server) must not keep openbell alive.
process.exit(await main(process.argv.slice(2)))
