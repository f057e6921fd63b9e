/**
 * Regenerates the README's gate and flag tables from the gate registry and the option table.
 * Usage (from the project root): node --import tsx support/cli/write-readme-tables.ts
 * `support/cli/readme-tables.test.ts` fails when either table is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { updateReadme } from './readme-tables.ts'

const README = new URL('../../README.md', import.meta.url)
writeFileSync(README, updateReadme(readFileSync(README, 'utf8')))
process.stdout.write('wrote README.md (the gate and flag tables)\n')
