import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { OpenbellError } from '../errors.ts'
import { loadWorkerHandlers } from './load-worker-handlers.ts'

/** A worker module in a scratch folder (support/ imports no emulator, not even in its tests). */
function workerModule(name: string, code: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-worker-handlers-')), name)
  writeFileSync(file, code)
  return file
}

describe('loadWorkerHandlers', () => {
  it('builds the handlers the module hands over', async () => {
    const file = workerModule('handlers.mjs', 'export function createWorkerHandlers() { return [{ planted: 1 }, { planted: 2 }] }\n')
    await expect(loadWorkerHandlers(file)).resolves.toEqual([{ planted: 1 }, { planted: 2 }])
  })

  it('refuses a module that exports no createWorkerHandlers, naming it', async () => {
    const file = workerModule('no-handlers.mjs', 'export const nothing = 1\n')
    await expect(loadWorkerHandlers(file)).rejects.toThrow(OpenbellError)
    await expect(loadWorkerHandlers(file)).rejects.toThrow(/no-handlers\.mjs exports no createWorkerHandlers\(\)/)
  })
})
