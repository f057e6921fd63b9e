import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeFile } from '../project-paths.ts'
import { OpenbellError } from '../errors.ts'
import { loadWorkerHandlers } from './load-worker-handlers.ts'

describe('loadWorkerHandlers', () => {
  it('builds the handlers of the Alpaca stand-in module the floor names', async () => {
    const handlers = await loadWorkerHandlers(codeFile('emulators/alpaca/worker-setup.ts'))
    expect(handlers.length).toBeGreaterThan(0)
  })

  it('refuses a module that exports no createWorkerHandlers, naming it', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-worker-handlers-')), 'no-handlers.mjs')
    writeFileSync(file, 'export const nothing = 1\n')
    await expect(loadWorkerHandlers(file)).rejects.toThrow(OpenbellError)
    await expect(loadWorkerHandlers(file)).rejects.toThrow(/no-handlers\.mjs exports no createWorkerHandlers\(\)/)
  })
})
