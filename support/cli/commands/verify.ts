import path from 'node:path'
import type { ResolvedConfig } from '../../config/index.ts'
import { UsageError } from '../../errors.ts'
import { loadEd25519Key, verifyRunFolder } from '../../report/index.ts'
import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import type { CliIo } from '../main.ts'

/**
 * `openbell verify FOLDER [--key PUBLIC_KEY]`: re-checks a run folder's manifest, its name against its run id, the
 * report's consistency and, with `--key`, the manifest's signature. Exit 0 only when it is intact; exit 1 with every
 * discrepancy listed otherwise.
 */
export function verifyCommand(config: ResolvedConfig, io: CliIo): ExitCode {
  if (config.runFolder === null) throw new UsageError('verify needs a run folder, e.g. `openbell verify reports/latest`.')
  const shown = path.relative(process.cwd(), config.runFolder) || '.'
  const key = config.verifyKeyFile === null ? null : loadEd25519Key(config.verifyKeyFile, 'public', '--key')
  const result = verifyRunFolder(config.runFolder, { key })
  if (result.intact) {
    const what = result.kind === 'halt' ? 'the halt record parses' : `the report agrees with itself and with junit.xml (verdict ${result.verdict})`
    io.stdout(`INTACT: ${shown}: ${result.files} files match manifest.sha256; ${what}\n`)
    if (result.signatureNote !== null) io.stdout(`  ${result.signatureNote}\n`)
    return EXIT_CODES.go
  }
  io.stdout(`NOT INTACT: ${shown}: ${result.discrepancies.length} discrepanc${result.discrepancies.length === 1 ? 'y' : 'ies'}\n`)
  for (const discrepancy of result.discrepancies) io.stdout(`  - ${discrepancy}\n`)
  return EXIT_CODES.fail
}
