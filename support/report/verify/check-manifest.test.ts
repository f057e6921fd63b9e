import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManifest } from '../write-manifest.ts'
import { checkManifest } from './check-manifest.ts'

function sealedFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-verify-'))
  mkdirSync(path.join(dir, 'evidence/kill-switch'), { recursive: true })
  writeFileSync(path.join(dir, 'readiness_report.json'), '{}\n')
  writeFileSync(path.join(dir, 'evidence/kill-switch/cm.json'), '{"data":{"EXECUTION_HALTED":"1"}}\n')
  writeManifest(dir)
  return dir
}

describe('checkManifest', () => {
  it('finds a sealed folder intact', () => {
    expect(checkManifest(sealedFolder())).toEqual({ discrepancies: [], files: 2 })
  })

  it.each<[string, (dir: string) => void, string[]]>([
    ['a changed file', (dir) => writeFileSync(path.join(dir, 'evidence/kill-switch/cm.json'), '{"data":{"EXECUTION_HALTED":"0"}}\n'), ['evidence/kill-switch/cm.json: its SHA-256 does not match manifest.sha256 (changed after the run)']],
    ['a deleted file', (dir) => rmSync(path.join(dir, 'evidence/kill-switch/cm.json')), ['evidence/kill-switch/cm.json: listed in manifest.sha256 but missing (deleted after the run)']],
    ['an added file', (dir) => writeFileSync(path.join(dir, 'evidence/extra.txt'), 'x'), ['evidence/extra.txt: not listed in manifest.sha256 (added after the run)']],
    ['an added link', (dir) => symlinkSync('/etc/hostname', path.join(dir, 'link')), ['link: not a regular file and not listed in manifest.sha256 (added after the run)']],
    ['a deleted manifest', (dir) => rmSync(path.join(dir, 'manifest.sha256')), ['manifest.sha256 is missing, so nothing in the folder can be trusted']],
    ['a line escaping the folder', (dir) => writeFileSync(path.join(dir, 'manifest.sha256'), `${'0'.repeat(64)}  ../outside\n`), [
      'manifest.sha256 line 1 names a path outside the run folder: "../outside"',
      'evidence/kill-switch/cm.json: not listed in manifest.sha256 (added after the run)',
      'readiness_report.json: not listed in manifest.sha256 (added after the run)',
    ]],
    ['a malformed line', (dir) => writeFileSync(path.join(dir, 'manifest.sha256'), 'nonsense\n'), [
      'manifest.sha256 line 1 is not "<sha256>  <path>": "nonsense"',
      'evidence/kill-switch/cm.json: not listed in manifest.sha256 (added after the run)',
      'readiness_report.json: not listed in manifest.sha256 (added after the run)',
    ]],
  ])('reports %s', (_, tamper, discrepancies) => {
    const dir = sealedFolder()
    tamper(dir)
    expect(checkManifest(dir).discrepancies).toEqual(discrepancies)
  })
})
