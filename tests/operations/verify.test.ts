import { execFile } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { SIGNATURE_FILE, useManifestSigningKey } from '../../support/report/manifest-signature.ts'
import { writeManifest } from '../../support/report/write-manifest.ts'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { runFixture } from '../runner/run-fixture.ts'

/** Issue 9: `openbell verify <run folder>` re-checks the manifest and the report's internal consistency. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function verifyCli(folder: string, ...flags: string[]): Promise<{ exitCode: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'verify', folder, ...flags], { cwd: ROOT, timeout: 60_000 }, (error, stdout) =>
      resolve({ exitCode: error ? Number(error.code ?? -1) : 0, stdout }),
    )
  })
}

describe('openbell verify on a real run folder', () => {
  let original: string
  /** A fresh copy of the run folder to tamper with. */
  const copy = () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-verify-copy-')), path.basename(original))
    cpSync(original, target, { recursive: true })
    return target
  }

  beforeAll(async () => {
    original = (await runFixture('metrics-fails', { gates: ['metrics'] })).runDir
  }, 60_000)

  it('exits 0 for the folder as the run left it', async () => {
    const result = await verifyCli(original)
    expect(result.stdout).toMatch(/^INTACT: .+: \d+ files match manifest\.sha256; the report agrees with itself and with junit\.xml \(verdict NO-GO\)\n$/)
    expect(result.exitCode).toBe(0)
  })

  it('exits 1 and names a tampered evidence file', async () => {
    const folder = copy()
    writeFileSync(path.join(folder, 'evidence/metrics/ops-status.json'), '{ "status": 200 }\n')
    const result = await verifyCli(folder)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('NOT INTACT: ')
    expect(result.stdout).toContain('  - evidence/metrics/ops-status.json: its SHA-256 does not match manifest.sha256 (changed after the run)\n')
  })

  it.each<[string, (folder: string) => void, string[]]>([
    ['a deleted file', (folder) => rmSync(path.join(folder, 'junit.xml')), [
      'junit.xml: listed in manifest.sha256 but missing (deleted after the run)',
      'junit.xml is missing, but the report has 3 checks',
    ]],
    ['an added file', (folder) => writeFileSync(path.join(folder, 'evidence/metrics/later.json'), '{}'), [
      'evidence/metrics/later.json: not listed in manifest.sha256 (added after the run)',
    ]],
    ['an edited verdict, even with the manifest sealed again', (folder) => {
      const file = path.join(folder, 'readiness_report.json')
      const report = JSON.parse(readFileSync(file, 'utf8'))
      writeFileSync(file, JSON.stringify({ ...report, verdict: 'GO', verdictText: 'GO', exitCode: 0 }, null, 2))
      writeManifest(folder)
    }, [
      'the verdict is GO, but the gates and problems give NO-GO',
      'verdictText is "GO", but the gates and problems give "NO-GO"',
      'exitCode is 0, but the verdict rules give 1',
    ]],
    ['a failed check turned into a pass, with the counts fixed up and the manifest sealed again', (folder) => {
      const file = path.join(folder, 'readiness_report.json')
      const report = JSON.parse(readFileSync(file, 'utf8'))
      report.gates[0].checks[1] = { ...report.gates[0].checks[1], status: 'pass', reason: null }
      report.counts = { ...report.counts, passed: 2, failed: 0 }
      report.gates[0].status = 'unverified'
      report.verdictText = report.verdict = 'NO-GO'
      report.exitCode = 3
      writeFileSync(file, JSON.stringify(report, null, 2))
      writeManifest(folder)
    }, ['metrics/strategy-engine.ops-status is "pass" in the report but "failure" in junit.xml']],
  ])('finds %s', (_, tamper, discrepancies) => {
    const folder = copy()
    tamper(folder)
    expect(verifyRunFolder(folder)).toMatchObject({ intact: false, discrepancies })
  })

  it('finds a run folder copied under another run\'s name (the runId inside is compared)', () => {
    const folder = copy()
    const renamed = path.join(path.dirname(folder), '20261125T133000.123Z-cluster')
    renameSync(folder, renamed)
    const result = verifyRunFolder(renamed)
    expect(result.intact).toBe(false)
    expect(result.discrepancies).toEqual([
      expect.stringMatching(/^the folder is named 20261125T133000\.123Z-cluster, but readiness_report\.json says runId \d{8}T\d{6}\.\d{3}Z-emulators /),
    ])
  })

  it('finds a runId edited to match a new folder name (the start time and env make another)', () => {
    const folder = copy()
    const file = path.join(folder, 'readiness_report.json')
    const report = JSON.parse(readFileSync(file, 'utf8'))
    const renamed = path.join(path.dirname(folder), '20261125T133000.123Z-emulators')
    writeFileSync(file, JSON.stringify({ ...report, runId: '20261125T133000.123Z-emulators' }, null, 2))
    writeManifest(folder)
    renameSync(folder, renamed)
    expect(verifyRunFolder(renamed).discrepancies).toEqual([
      expect.stringMatching(/^readiness_report\.json says runId 20261125T133000\.123Z-emulators, but its startedAt .+ make \d{8}T/),
    ])
  })

  describe('a manifest signed with the operator\'s Ed25519 key', () => {
    const keys = (() => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'openbell-verify-keys-'))
      const pair = generateKeyPairSync('ed25519')
      const other = generateKeyPairSync('ed25519')
      const write = (name: string, text: string | Buffer) => (writeFileSync(path.join(folder, name), text), path.join(folder, name))
      return {
        private: pair.privateKey,
        public: write('openbell.pub', pair.publicKey.export({ type: 'spki', format: 'pem' })),
        otherPublic: write('other.pub', other.publicKey.export({ type: 'spki', format: 'pem' })),
      }
    })()
    const signedCopy = () => {
      const folder = copy()
      useManifestSigningKey(keys.private)
      try {
        writeManifest(folder)
      } finally {
        useManifestSigningKey(null)
      }
      return folder
    }

    it('verifies with --key', async () => {
      const result = await verifyCli(signedCopy(), '--key', keys.public)
      expect(result.stdout).toMatch(/^INTACT: .+\n  manifest\.sha256\.sig verifies with the given key\n$/)
      expect(result.exitCode).toBe(0)
    })

    it('says the signature was not checked without --key', async () => {
      const result = await verifyCli(signedCopy())
      expect(result.stdout).toContain('  manifest.sha256.sig is present but the signature was not checked (give --key PUBLIC_KEY_FILE to check it)\n')
      expect(result.exitCode).toBe(0)
    })

    it('finds a tampered file whose hash was put back into the manifest', async () => {
      const folder = signedCopy()
      const signature = readFileSync(path.join(folder, SIGNATURE_FILE))
      writeFileSync(path.join(folder, 'evidence/metrics/ops-status.json'), '{ "status": 200 }\n')
      writeManifest(folder)
      writeFileSync(path.join(folder, SIGNATURE_FILE), signature)
      const result = await verifyCli(folder, '--key', keys.public)
      expect(result.stdout).toContain('  - manifest.sha256.sig does not verify with the given key: manifest.sha256 was changed after signing, or signed with another key\n')
      expect(result.exitCode).toBe(1)
    })

    it('finds a signature made with another key, and a folder that is not signed at all', async () => {
      const other = await verifyCli(signedCopy(), '--key', keys.otherPublic)
      expect(other.stdout).toContain('does not verify with the given key')
      expect(other.exitCode).toBe(1)
      const unsigned = await verifyCli(copy(), '--key', keys.public)
      expect(unsigned.stdout).toContain('  - manifest.sha256.sig is missing, but --key was given: the folder is not signed\n')
      expect(unsigned.exitCode).toBe(1)
    })
  })
})
