#!/usr/bin/env node
// The `openbell` executable: registers the TypeScript loader, then hands over to the TypeScript entry point.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./openbell.ts')
process.exitCode = await main(process.argv.slice(2))
