/**
 * The emulators are stand-ins for AgentTrader's systems. A stand-in that reuses openbell's own logic (its calendar,
 * parser, gate list) agrees with a bug in that logic, and no scenario can catch it. So `emulators/` (the tests beside
 * its code included) imports from `support/` only types, the error classes and the path constants.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../support/project-paths.ts'
import { findSupportImports, type SupportImport } from './find-support-imports.ts'

/** What an emulator may load from `support/` at run time: the error classes and the path constants, no logic. */
const ALLOWED_VALUE_IMPORTS = Object.freeze(['support/errors.ts', 'support/project-paths.ts'])

const EMULATORS = path.join(PROJECT_ROOT, 'emulators')

function emulatorImports(): SupportImport[] {
  return readdirSync(EMULATORS, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .flatMap((name) => {
      const file = path.join(EMULATORS, name)
      return findSupportImports(PROJECT_ROOT, file, readFileSync(file, 'utf8'))
    })
}

/** The imports that break the rule, as `file:line → module`. */
function forbidden(imports: readonly SupportImport[]): string[] {
  return imports.filter((each) => each.kind === 'value' && !ALLOWED_VALUE_IMPORTS.includes(each.module)).map((each) => `${each.at} → ${each.module}`)
}

describe('emulators/ imports only types, the error classes and the path constants from support/', () => {
  const imports = emulatorImports()

  it('has no other value import from support/', () => {
    expect(forbidden(imports), 'emulators/ loads openbell logic at run time; hand it in from the caller, or keep the stand-in\'s own copy').toEqual([])
  })

  it('sees the imports it judges (types and error classes among them), so it cannot pass by reading nothing', () => {
    expect(imports.some((each) => each.kind === 'type')).toBe(true)
    expect(imports.some((each) => each.kind === 'value' && each.module === 'support/errors.ts')).toBe(true)
  })
})

describe('findSupportImports', () => {
  const file = path.join(EMULATORS, 'alpaca', 'planted.ts')
  const read = (code: string) => forbidden(findSupportImports(PROJECT_ROOT, file, code))

  it.each([
    ['a value import', "import { loadNyseCalendar } from '../../support/calendar/index.ts'"],
    ['a default import', "import calendar from '../../support/calendar/index.ts'"],
    ['a mixed import', "import { easternDate, type MarketCalendar } from '../../support/calendar/index.ts'"],
    ['an import of types only, written without `import type` (it still loads the module)', "import { type MarketCalendar } from '../../support/calendar/index.ts'"],
    ['a side-effect import', "import '../../support/network/index.ts'"],
    ['a re-export', "export { GATE_IDS } from '../../support/gates/api.ts'"],
    ['a star re-export', "export * from '../../support/gates/api.ts'"],
    ['a dynamic import', "const { seedFloorData } = await import('../../support/seed/index.ts')"],
  ])('names %s with its file and line', (_what, code) => {
    expect(read(`// planted\n${code}\n`)).toEqual([`emulators/alpaca/planted.ts:2 → ${/support\/[\w/-]+\.ts/.exec(code)?.[0]}`])
  })

  it.each([
    ['an import type', "import type { MarketCalendar } from '../../support/calendar/index.ts'"],
    ['an export type', "export type { MarketCalendar } from '../../support/calendar/index.ts'"],
    ['the error classes', "import { UsageError } from '../../support/errors.ts'"],
    ['the path constants', "import { PROJECT_ROOT } from '../../support/project-paths.ts'"],
    ['a module outside support/', "import { createAlpacaPaperHandlers } from './alpaca-paper-handlers.ts'"],
    ['a package', "import { z } from 'zod'"],
  ])('lets %s through', (_what, code) => {
    expect(read(`${code}\n`)).toEqual([])
  })
})
