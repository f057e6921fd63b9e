import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWaivers } from './load-waivers.ts'

const NOW = new Date('2026-11-25T12:00:00.000Z')
const write = (text: string) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-waivers-')), 'waivers.yaml')
  writeFileSync(file, text)
  return file
}

describe('loadWaivers', () => {
  it('reads no file as no waivers', () => {
    expect(loadWaivers(null, NOW)).toEqual({ file: null, waivers: [], problems: [] })
  })

  it('reads a YAML waivers file', () => {
    const file = write(
      ['waivers:', '  - check: metrics/strategy-engine.ops-status', '    owner: alice', '    ticket: OPS-42', '    reason: redeploy', '    expires: 2026-11-26T12:00:00Z', ''].join('\n'),
    )
    expect(loadWaivers(file, NOW)).toMatchObject({ file, problems: [], waivers: [{ check: 'metrics/strategy-engine.ops-status', expires: '2026-11-26T12:00:00Z' }] })
  })

  it('makes a file that is not YAML a failing run problem naming the file', () => {
    const file = write('waivers: [\n')
    const { problems } = loadWaivers(file, NOW)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.severity).toBe('fail')
    expect(problems[0]?.message).toMatch(new RegExp(`^waiver rejected: ${file} cannot be read as YAML: `))
  })

  it('makes an unreadable file a failing run problem', () => {
    expect(loadWaivers('/nonexistent/waivers.yaml', NOW).problems[0]?.message).toMatch(/^waiver rejected: \/nonexistent\/waivers.yaml cannot be read as YAML: ENOENT/)
  })
})
