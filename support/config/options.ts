import { ENVIRONMENTS } from '../gates/index.ts'
import { DEFAULTS } from './defaults.ts'

/** How one command-line option is read: its flag, env var, value and help. */
export interface OptionSpec {
  /** The environment variable that sets it when the flag is absent; `null` for none. */
  envVar: string | null
  /** `string` takes a value, `boolean` is a switch. */
  type: 'string' | 'boolean'
  /** What the value looks like, for `--help`. */
  valueName?: string
  /** One line of help. */
  description: string
  /** The default shown in `--help`. */
  defaultText?: string
  /** The commands that accept it; every command when absent. */
  commands?: readonly CommandName[]
  /** A one-letter alias (`-t`). */
  short?: string
  /** The flag may be given more than once; its value is then the list of every one given. */
  multiple?: boolean
}

/** The commands of the `openbell` CLI. */
export const COMMANDS = ['run', 'test', 'seed', 'halt', 'scenarios', 'plan', 'verify', 'watch'] as const

/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number]

const RUNBOOK_COMMANDS: readonly CommandName[] = ['run', 'test', 'plan', 'watch']

/**
 * Every flag of the CLI, in one typed table: the parser, the env fallback, `--help` and the README's flag table all
 * read it. @see support/config/parse-cli.ts, support/cli/readme-tables.ts
 */
export const OPTIONS = {
  env: {
    envVar: 'OPENBELL_ENV',
    type: 'string',
    valueName: ENVIRONMENTS.join('|'),
    description: 'run against local stand-ins or the live cluster of the current kube context',
    defaultText: DEFAULTS.env,
  },
  namespace: {
    envVar: 'OPENBELL_NAMESPACE',
    type: 'string',
    valueName: 'NAME',
    description: 'namespace of the trading floor (a DNS-1123 label)',
    defaultText: DEFAULTS.namespace,
  },
  'tenant-id': {
    envVar: 'OPENBELL_TENANT_ID',
    type: 'string',
    valueName: 'ID',
    description: 'tenant whose Whale Flow data is checked (required for the data gate in cluster mode)',
    defaultText: `${DEFAULTS.emulatorTenantId} in emulator mode`,
  },
  'firestore-project': {
    envVar: 'OPENBELL_FIRESTORE_PROJECT',
    type: 'string',
    valueName: 'ID',
    description: 'Firestore project (cluster mode falls back to GOOGLE_CLOUD_PROJECT)',
    defaultText: `${DEFAULTS.emulatorFirestoreProject} in emulator mode`,
  },
  'kube-context': {
    envVar: 'OPENBELL_KUBE_CONTEXT',
    type: 'string',
    valueName: 'NAME',
    description: 'kubeconfig context to use (cluster mode; KUBECONFIG and in-cluster config apply)',
    defaultText: 'the current context',
  },
  reports: {
    envVar: 'OPENBELL_REPORTS',
    type: 'string',
    valueName: 'DIR',
    description: 'folder that receives <runId>/ with the reports, and the latest link',
    defaultText: DEFAULTS.reports,
  },
  history: {
    envVar: 'OPENBELL_HISTORY',
    type: 'string',
    valueName: 'DIR',
    description: 'folder of earlier run folders (any name ending in a run id, e.g. downloaded CI artifacts) for the history and the comparison',
    defaultText: 'the --reports folder',
    commands: RUNBOOK_COMMANDS,
  },
  'authorize-execution': {
    envVar: 'OPENBELL_AUTHORIZE_EXECUTION',
    type: 'string',
    valueName: '"WHO/TICKET/REASON"',
    description: 'accept EXECUTION_HALTED="0" for this run; recorded in every report',
    commands: RUNBOOK_COMMANDS,
  },
  session: {
    envVar: 'OPENBELL_SESSION',
    type: 'string',
    valueName: 'YYYY-MM-DD',
    description: `the trading session being prepared: from today to ${DEFAULTS.maxSessionDaysAhead} calendar days after today (New York dates, both included); outside that window a usage error unless --allow-past-session or --allow-future-session`,
    defaultText: 'the next NYSE session',
    commands: RUNBOOK_COMMANDS,
  },
  scenario: {
    envVar: 'OPENBELL_SCENARIO',
    type: 'string',
    valueName: 'NAME',
    description: 'emulator mode: break the floor on purpose (see `openbell scenarios`)',
    commands: RUNBOOK_COMMANDS,
  },
  'stale-threshold': {
    envVar: 'OPENBELL_STALE_THRESHOLD',
    type: 'string',
    valueName: 'SECONDS',
    description: 'market data older than this is stale',
    defaultText: String(DEFAULTS.staleThresholdSeconds),
    commands: RUNBOOK_COMMANDS,
  },
  'max-trade-age': {
    envVar: 'OPENBELL_MAX_TRADE_AGE',
    type: 'string',
    valueName: 'SECONDS',
    description: 'the newest Whale Flow trade may be at most this old',
    defaultText: String(DEFAULTS.maxTradeAgeSeconds),
    commands: RUNBOOK_COMMANDS,
  },
  'max-gex-age': {
    envVar: 'OPENBELL_MAX_GEX_AGE',
    type: 'string',
    valueName: 'SECONDS',
    description: "the GEX overlay (ops/system_status timestamp) may be at most this old (a day by default: yesterday's seeding still counts)",
    defaultText: String(DEFAULTS.maxGexAgeSeconds),
    commands: RUNBOOK_COMMANDS,
  },
  'request-timeout': {
    envVar: 'OPENBELL_REQUEST_TIMEOUT',
    type: 'string',
    valueName: 'MS',
    description: `each request gives up after this long (at most the ${DEFAULTS.checkTimeoutMs.toLocaleString('en-US')} ms check timeout); raise it for a slow staging project or emulator`,
    defaultText: String(DEFAULTS.requestTimeoutMs),
    commands: RUNBOOK_COMMANDS,
  },
  trades: {
    envVar: 'OPENBELL_SEED_TRADES',
    type: 'string',
    valueName: 'N',
    description: 'seed: number of regular Whale Flow trades',
    defaultText: '50',
    commands: ['seed'],
  },
  'golden-sweeps': {
    envVar: 'OPENBELL_SEED_GOLDEN_SWEEPS',
    type: 'string',
    valueName: 'N',
    description: 'seed: number of Golden Sweep trades',
    defaultText: '5',
    commands: ['seed'],
  },
  seed: {
    envVar: 'OPENBELL_SEED',
    type: 'string',
    valueName: 'N',
    description: 'seed: the random seed; the same seed writes the same data',
    defaultText: '1',
    commands: ['seed'],
  },
  'allow-write-project': {
    envVar: 'OPENBELL_ALLOW_WRITE_PROJECT',
    type: 'string',
    valueName: 'ID',
    description: 'seed: allow writing to this non-emulator project (must equal --firestore-project)',
    commands: ['seed'],
  },
  operator: {
    envVar: 'OPENBELL_OPERATOR',
    type: 'string',
    valueName: 'WHO',
    description: 'halt: who forces the kill switch (recorded in the audit trail)',
    defaultText: 'the OS user',
    commands: ['halt'],
  },
  waivers: {
    envVar: 'OPENBELL_WAIVERS',
    type: 'string',
    valueName: 'FILE',
    description: 'waivers for failing or unverified checks (YAML; see docs/decisions/waivers.md); a bad waiver is NO-GO; a path that is not a regular file (a FIFO, a folder) is a usage error',
    defaultText: `${DEFAULTS.waiversFile} in the working folder, when present`,
    commands: RUNBOOK_COMMANDS,
  },
  'test-name-pattern': {
    envVar: null,
    type: 'string',
    valueName: 'REGEX',
    description: 'run only the checks whose title matches (such a run is never GO)',
    commands: RUNBOOK_COMMANDS,
    short: 't',
  },
  'allow-past-session': {
    envVar: null,
    type: 'boolean',
    description: 'accept a --session before today (New York date), for replays; recorded in the report (target.sessionOverride)',
    commands: RUNBOOK_COMMANDS,
  },
  'allow-future-session': {
    envVar: null,
    type: 'boolean',
    description: `accept a --session more than ${DEFAULTS.maxSessionDaysAhead} calendar days after today (New York date); recorded in the report (target.sessionOverride)`,
    commands: RUNBOOK_COMMANDS,
  },
  'sign-key': {
    envVar: 'OPENBELL_SIGN_KEY',
    type: 'string',
    valueName: 'FILE',
    description: 'an Ed25519 private key (PEM) that signs manifest.sha256 into manifest.sha256.sig',
    commands: ['run', 'test', 'seed', 'halt', 'watch'],
  },
  key: {
    envVar: null,
    type: 'string',
    valueName: 'FILE',
    description: 'verify: the Ed25519 public key (PEM) that must have signed manifest.sha256',
    commands: ['verify'],
  },
  interval: {
    envVar: 'OPENBELL_INTERVAL',
    type: 'string',
    valueName: 'SECONDS',
    description: 'watch: seconds between evaluations (HTTP endpoints and Firestore re-read; at least 5)',
    defaultText: '30',
    commands: ['watch'],
  },
  until: {
    envVar: 'OPENBELL_UNTIL',
    type: 'string',
    valueName: 'HH:MM',
    description: "watch: stop at this New York time instead of the session's close",
    defaultText: "the session's close (16:00, or the early close)",
    commands: ['watch'],
  },
  'metrics-port': {
    envVar: 'OPENBELL_METRICS_PORT',
    type: 'string',
    valueName: 'PORT',
    description: 'watch: port of /metrics (Prometheus) and /healthz; 0 picks a free one',
    defaultText: '9464',
    commands: ['watch'],
  },
  'metrics-host': {
    envVar: 'OPENBELL_METRICS_HOST',
    type: 'string',
    valueName: 'ADDRESS',
    description: 'watch: address the metrics server listens on (0.0.0.0 in a pod, for its Service)',
    defaultText: '127.0.0.1',
    commands: ['watch'],
  },
  notify: {
    envVar: 'OPENBELL_NOTIFY',
    type: 'string',
    valueName: 'URL',
    description: 'watch: POST JSON here on the first verdict and every change (repeatable; the env var takes URLs separated by blanks); never printed',
    commands: ['watch'],
    multiple: true,
  },
  'halt-on-fail': {
    envVar: null,
    type: 'boolean',
    description: 'watch: halt (EXECUTION_HALTED="1", audited) once when paper-execution or kill-switch turns fail',
    commands: ['watch'],
  },
  help: {
    envVar: null,
    type: 'boolean',
    description: 'print this help',
    short: 'h',
  },
  version: {
    envVar: null,
    type: 'boolean',
    description: "print openbell's version and the git commit it was built from, when known (OPENBELL_GIT_COMMIT in the image), then exit 0",
  },
} as const satisfies Record<string, OptionSpec>

/** The name of a flag, without the dashes. */
export type OptionName = keyof typeof OPTIONS
