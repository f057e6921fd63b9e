import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeVersion, VERSION_SOURCES } from './openbell-version.ts'

const outsideGit = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'openbell-version-'))
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ version: '9.8.7' }))
  return { ...VERSION_SOURCES, packageJson: path.join(folder, 'package.json') }
}

describe('openbell --version', () => {
  it('prints the package version and the commit the image was built from', () => {
    expect(describeVersion({ OPENBELL_GIT_COMMIT: 'ABCDEF0123456789' }, outsideGit())).toBe('openbell 9.8.7 (commit abcdef0123456789)')
  })

  it('says the commit is unknown outside a checkout without the build argument', () => {
    expect(describeVersion({}, outsideGit())).toBe('openbell 9.8.7 (commit unknown)')
  })

  it('never echoes a build argument that is not a commit id', () => {
    expect(describeVersion({ OPENBELL_GIT_COMMIT: 'token=s3cr3t' }, outsideGit())).toBe('openbell 9.8.7 (commit unknown)')
  })

  it.skipIf(!existsSync(path.join(path.dirname(VERSION_SOURCES.packageJson), '.git')))("names this checkout's commit (skipped outside a git checkout)", () => {
    expect(describeVersion({})).toMatch(/^openbell \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)$/)
  })
})
