import { COMMANDS, OPTIONS, type OptionSpec } from '../config/index.ts'
import { EXIT_CODES } from '../gates/index.ts'

const COMMAND_HELP: Record<(typeof COMMANDS)[number], string> = {
  run: 'run the market-open runbook and print GO or NO-GO (the default command)',
  test: "emulator mode: the harness's own tests, then the runbook; cluster mode: the runbook alone",
  seed: 'write the Sentiment Heatmap and Whale Flow seed data to Firestore, then read it back',
  halt: 'panic stop: set EXECUTION_HALTED to "1" in agenttrader-kill-switch, read it back, record who did it',
  scenarios: 'list the emulator scenarios and the gates each must fail',
  plan: 'list the gates and checks a run with these flags would execute, without starting or contacting anything',
  verify: 're-check a run folder: manifest.sha256, and the report agreeing with itself and with junit.xml',
  watch: "the session guardian: the runbook evaluated continuously until the close, with metrics, notifications and history",
}

/** How a flag is written, with its alias and value: `-t, --test-name-pattern REGEX`. */
export function flagOf(name: string, spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`
}

/** The text of `openbell --help`, generated from the option table. */
export function renderHelp(): string {
  const options = Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) => {
    const flag = flagOf(name, spec)
    const details = [
      spec.defaultText ? `default: ${spec.defaultText}` : null,
      spec.envVar ? `env: ${spec.envVar}` : null,
      spec.commands ? `for: ${spec.commands.join(', ')}` : null,
    ].filter(Boolean)
    return `  ${flag}\n      ${spec.description}${details.length ? ` (${details.join('; ')})` : ''}`
  })
  return [
    'Usage: openbell [command] [flags] [gate…]',
    '       openbell verify RUN_FOLDER',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.padEnd(10)} ${COMMAND_HELP[command]}`),
    '',
    'Flags:',
    ...options,
    '',
    'Naming gates runs only those; such a run is never GO.',
    `Exit codes: ${EXIT_CODES.go} GO, ${EXIT_CODES.fail} NO-GO (a gate failed), ${EXIT_CODES.unverified} NO-GO (only unverified), ${EXIT_CODES.usage} usage error.`,
    '',
  ].join('\n')
}
