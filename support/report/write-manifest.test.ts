import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManifest } from './write-manifest.ts'

describe('writeManifest', () => {
  it('lists every file, sorted, in a form `sha256sum -c` verifies', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-manifest-'))
    mkdirSync(path.join(dir, 'evidence/kill-switch'), { recursive: true })
    writeFileSync(path.join(dir, 'readiness_report.json'), '{}\n')
    writeFileSync(path.join(dir, 'evidence/kill-switch/cm.json'), '{"data":{}}\n')
    const manifest = writeManifest(dir)
    const lines = execFileSync('cat', [manifest], { encoding: 'utf8' }).trim().split('\n')
    expect(lines.map((line) => line.split('  ')[1])).toEqual(['evidence/kill-switch/cm.json', 'readiness_report.json'])
    expect(execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: dir, encoding: 'utf8' })).toBe(
      'evidence/kill-switch/cm.json: OK\nreadiness_report.json: OK\n',
    )
  })
})
