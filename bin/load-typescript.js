// Loads openbell's TypeScript in this process: `import` it first (`node --import ./bin/load-typescript.js file.ts`).
import { register } from 'tsx/esm/api'

// @note the big dependencies load before tsx's hooks are registered: on Node 20 every module imported after
// register() makes a round trip to the loader-hooks thread, and @kubernetes/client-node alone is ~830 modules
// (zod ~95, vitest/node ~120). Loaded natively first, the CLI's imports take ~2.0 s instead of ~3.1 s on 2 cores,
// and openbell's own process peaks ~120 MB lower (`npm run bench`, README "Benchmarks").
await Promise.all([import('@kubernetes/client-node'), import('zod'), import('vitest/node')])
register()
