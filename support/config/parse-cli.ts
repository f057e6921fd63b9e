import { parseArgs } from 'node:util'
import { UsageError } from '../errors.ts'
import { COMMANDS, OPTIONS, type CommandName, type OptionName, type OptionSpec } from './options.ts'

/** What the command line said, before validation and defaults. */
export interface ParsedCli {
  /** The command. @default 'run' */
  command: CommandName
  /** Each option given by flag or by its environment variable. */
  values: Partial<Record<OptionName, string | boolean | string[]>>
  /** Positional arguments: gate ids or spec files to run (a filtered run is never GO). */
  positionals: string[]
}

/**
 * Parses `openbell [command] [flags] [gates…]` (no command means `run`; other words are gate filters): a pure function of argv and env, so it is unit-tested without a process.
 * @throws {UsageError} on an unknown command or flag, a missing value, or a flag the command does not take.
 */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCli {
  const [first, ...rest] = argv
  const isCommand = first !== undefined && (COMMANDS as readonly string[]).includes(first)
  const command: CommandName = isCommand ? (first as CommandName) : 'run'
  const args = isCommand ? rest : [...argv]

  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${describeParseError(error)}. Run \`openbell --help\` for the flags.`)
  }

  const values: ParsedCli['values'] = {}
  for (const [name, spec] of Object.entries(OPTIONS) as [OptionName, (typeof OPTIONS)[OptionName]][]) {
    const fromFlag = parsed.values[name]
    const fromEnv = spec.envVar === null ? undefined : env[spec.envVar]
    const value = fromFlag ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv)
    if (value === undefined) continue
    if (fromFlag !== undefined && 'commands' in spec && !(spec.commands as readonly string[]).includes(command)) {
      throw new UsageError(`--${name} does not apply to \`openbell ${command}\`; it is for: ${spec.commands.join(', ')}.`)
    }
    values[name] = value as string | boolean | string[]
  }
  return { command, values, positionals: parsed.positionals }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // @note node's messages name the flag ("Unknown option '--nope'", "Option '--namespace <value>' argument missing").
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '')
}
