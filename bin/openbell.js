#!/usr/bin/env node
// The `openbell` executable: loads openbell's TypeScript, then hands over to the TypeScript entry point.
import './load-typescript.js'

const { main } = await import('./openbell.ts')
// @note exit explicitly: a request abandoned at its deadline (a hung API server) must not keep openbell alive.
process.exit(await main(process.argv.slice(2)))
