import { spawn } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CouldNotCheckError } from '../errors.ts'

/** What `promtool check metrics` said about a body. */
export interface PromtoolVerdict {
  /** `valid` when promtool parsed the body (lint findings allowed), `invalid` on a parse error. */
  readonly syntax: 'valid' | 'invalid'
  /** The process exit code: 0 clean, 3 lint findings, 1 parse error. */
  readonly exitCode: number
  /** Lint findings such as `counter metrics should have "_total" suffix`; they do not make a body invalid. */
  readonly lintFindings: readonly string[]
  /** The parse error, e.g. `text format parsing error in line 3: expected float as value, got "banana"`. */
  readonly parseError?: string
}

/** Where {@link checkWithPromtool} finds promtool and how long it waits. */
export interface CheckWithPromtoolOptions {
  /**
   * The promtool executable.
   * @default findPromtool()
   */
  readonly promtoolPath?: string
  /**
   * How long to wait for promtool, in milliseconds.
   * @default 10_000
   */
  readonly timeoutMs?: number
}

/** Where promtool is looked for after `$PROMTOOL`: the Debian package path, then a manual install. */
export const PROMTOOL_CANDIDATES: readonly string[] = Object.freeze(['/usr/bin/promtool', '/usr/local/bin/promtool'])

/** The path of an executable promtool, or `undefined` when there is none. */
export function findPromtool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.PROMTOOL === undefined ? PROMTOOL_CANDIDATES : [env.PROMTOOL, ...PROMTOOL_CANDIDATES]
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

const PARSE_ERROR = /text format parsing error in line \d+: .*/

/**
 * Runs `promtool check metrics` on a body and tells parse errors apart from lint findings.
 * @throws {CouldNotCheckError} when promtool is missing, times out or answers in a way not understood.
 */
export async function checkWithPromtool(body: string, options: CheckWithPromtoolOptions = {}): Promise<PromtoolVerdict> {
  const promtoolPath = options.promtoolPath ?? findPromtool()
  if (promtoolPath === undefined) {
    throw new CouldNotCheckError(
      `promtool was not found (looked at $PROMTOOL, ${PROMTOOL_CANDIDATES.join(', ')}). Install it, e.g. \`apt-get install prometheus\`, or set PROMTOOL.`,
    )
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  const { exitCode, output } = await run(promtoolPath, ['check', 'metrics'], body, timeoutMs)
  const parseError = PARSE_ERROR.exec(output)?.[0]
  if (exitCode === 1 && parseError !== undefined) return { syntax: 'invalid', exitCode, lintFindings: [], parseError }
  if (exitCode === 0 || exitCode === 3) {
    const lintFindings = output.split('\n').filter((line) => line.trim() !== '')
    return { syntax: 'valid', exitCode, lintFindings }
  }
  throw new CouldNotCheckError(
    `\`${promtoolPath} check metrics\` exited with ${exitCode} and said ${JSON.stringify(output.slice(0, 300))}; ` +
      'expected exit 0 or 3 (parsed) or 1 with "text format parsing error". Run it by hand on the body to see why.',
  )
}

/**
 * Runs promtool's OpenMetrics parser on a body: `promtool tsdb create-blocks-from openmetrics` (the backfill reader,
 * Prometheus's own OpenMetrics parser; `check metrics` reads only the text format) into a throw-away folder.
 * It needs a timestamp on every sample, and checks `# EOF` last, tokens and single spaces, but not the sample-name
 * suffixes of OpenMetrics types (a counter sample without `_total` passes it).
 * @throws {CouldNotCheckError} when promtool is missing, times out or answers in a way not understood.
 */
export async function checkOpenMetricsWithPromtool(body: string, options: CheckWithPromtoolOptions = {}): Promise<Omit<PromtoolVerdict, 'lintFindings'>> {
  const promtoolPath = options.promtoolPath ?? findPromtool()
  if (promtoolPath === undefined) throw new CouldNotCheckError(`promtool was not found (looked at $PROMTOOL, ${PROMTOOL_CANDIDATES.join(', ')}).`)
  const folder = mkdtempSync(path.join(tmpdir(), 'openbell-promtool-'))
  try {
    writeFileSync(path.join(folder, 'input.om'), body)
    const args = ['tsdb', 'create-blocks-from', 'openmetrics', path.join(folder, 'input.om'), path.join(folder, 'blocks')]
    const { exitCode, output } = await run(promtoolPath, args, '', options.timeoutMs ?? 10_000)
    if (exitCode === 0) return { syntax: 'valid', exitCode }
    const parseError = /getting min and max timestamp: .*/.exec(output)?.[0]
    if (exitCode === 1 && parseError !== undefined) return { syntax: 'invalid', exitCode, parseError }
    throw new CouldNotCheckError(`\`${promtoolPath} ${args.slice(0, 3).join(' ')}\` exited with ${exitCode} and said ${JSON.stringify(output.slice(0, 300))}.`)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function run(command: string, args: string[], input: string, timeoutMs: number): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('error', (error) => reject(new CouldNotCheckError(`could not run ${command}: ${error.message}`, { cause: error })))
    child.on('close', (code, signal) => {
      if (code === null) {
        reject(new CouldNotCheckError(`\`${command} ${args.join(' ')}\` did not finish within ${timeoutMs} ms (${signal}); try again or raise timeoutMs.`))
      } else resolve({ exitCode: code, output })
    })
    // @note promtool may exit before reading everything; an EPIPE here is not the verdict.
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}
