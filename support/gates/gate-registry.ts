import type { KubeReadName } from './kube-reads.ts'

/**
 * A critical service whose ops endpoints the gates read through the API server's service proxy. Declared
 * here, with the gates that read it; the run context lists the run's services.
 */
export interface CriticalService {
  name: string
  port: number
  /** What the gates read from it. */
  reads: readonly ('ops-status' | 'metrics' | 'freshness')[]
}

/** What a gate reads from a critical service (`CriticalService.reads`). */
export type ServiceRead = CriticalService['reads'][number]

/** A check of a gate: its id, or one check per critical service that offers `perService`, with id `<service>.<id>`. */
export type GateCheck = string | { perService: ServiceRead; id: string }

/** One gate of the runbook, as every other place (ids, manifest, RBAC reads, titles, README) derives it. */
export interface GateEntry {
  /** The stable gate id (API: reports, waivers, `openbell run <gate>`); the spec is `specs/<id>.spec.ts`. */
  id: string
  /** The runbook step, as the reports name it. */
  title: string
  /** The spec's `describe`, after `Gate N — `: the claim the gate proves, as an operator says it. */
  claim: string
  /** The runbook section(s) the gate replaces (`market-open-runbook` §, `pre_market.md` steps). */
  runbookRef: string
  /** What the gate proves, in the README's words (Markdown). */
  proves: string
  /** Every Kubernetes read its checks make: the start-of-run permission check and `deploy/rbac-reader.yaml` use them. */
  kubeReads: readonly KubeReadName[]
  /** Its check ids, in the spec's order (API: waivers and reports use them). */
  checks: readonly GateCheck[]
}

/** What `observeWorkloads` reads: every controller kind, every pod and the ConfigMaps their env refers to. */
const WORKLOADS_AND_CONFIGMAPS = [
  'listConfigMaps',
  'listDeployments',
  'listStatefulSets',
  'listDaemonSets',
  'listReplicaSets',
  'listJobs',
  'listCronJobs',
  'listPods',
] as const satisfies readonly KubeReadName[]

/**
 * The gates of the market-open runbook, in runbook order: the one place a gate is described. `GATE_IDS`, the gate
 * manifest, the Kubernetes reads of the permission check, the specs' `describe` titles and the README's gate table
 * derive from it; tests check it against the specs (their checks and reads) and `deploy/` (the Role).
 */
export const GATE_REGISTRY = Object.freeze([
  {
    id: 'session',
    title: 'The session and what is being evaluated',
    claim: 'the session and what is being evaluated',
    runbookRef: 'pre_market.md steps 0 and 6 (last-known-good capture)',
    proves: 'what is evaluated (pinned images, cluster identity) and an NYSE trading day (Alpaca paper calendar, else the shipped one)',
    kubeReads: ['listDeployments', 'listStatefulSets', 'listDaemonSets', 'listReplicaSets', 'listJobs', 'listCronJobs', 'listPods'],
    checks: ['images-pinned', 'trading-day', 'cluster-identity'],
  },
  {
    id: 'data-seeded',
    title: 'Data seeded for the Sentiment Heatmap and Whale Flow',
    claim: 'data seeded for the Sentiment Heatmap and Whale Flow',
    runbookRef: 'market-open-runbook §0 "Data seeded", §2A, §2B',
    proves:
      'the Sentiment Heatmap (§2A) and Whale Flow (§2B): exactly the 11 sector documents, recent well-formed trades with a Golden Sweep by the ' +
      "UI's strict rule, and a recent GEX overlay (`--max-gex-age`) the UI's `ops` query actually reads (bounded reads; unverified without a " +
      'project, and the tenant checks without `--tenant-id`)',
    kubeReads: [],
    checks: ['sentiment-sectors', 'whale-flow-trades', 'whale-flow-fresh', 'golden-sweep', 'gex-overlay-document', 'gex-overlay-fresh', 'gex-overlay-first'],
  },
  {
    id: 'paper-execution',
    title: 'Paper-only execution posture',
    claim: 'execution is paper-only',
    runbookRef: 'market-open-runbook §0 "Paper execution posture works", §3; pre_market.md step 4a',
    proves:
      'over every controller (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) and every pod, bare ones included, every Alpaca ' +
      'trading host in env and ConfigMaps, in any spelling a URL parser resolves (IDNA dots, percent-encoding, case), is exactly ' +
      '`https://paper-api.alpaca.markets`, and `APCA_API_BASE_URL`/`ALPACA_BASE_URL`/`ALPACA_API_BASE_URL` are that URL whatever host they ' +
      "name, `TRADING_MODE` is `paper`, no `AGENT_MODE` `LIVE`/`EXECUTE`, no execution workload able to execute, openbell's own client " +
      'refuses the live host with no traffic; optional: the paper account is `ACTIVE` (needs `APCA_API_KEY_ID`/`APCA_API_SECRET_KEY`)',
    kubeReads: [...WORKLOADS_AND_CONFIGMAPS],
    checks: ['paper-broker-host', 'trading-mode-paper', 'agent-mode-not-live', 'execution-disabled', 'live-host-refused', 'paper-account-active'],
  },
  {
    id: 'kill-switch',
    title: 'Kill switch halts execution',
    claim: 'the kill switch halts execution',
    runbookRef: 'market-open-runbook §5A; pre_market.md step 2',
    proves:
      '`agenttrader-kill-switch` holds exactly `"1"` (or `--authorize-execution`), every agent (a container with `AGENT_MODE`, or of an ' +
      'execution workload by name or `AGENT_ROLE`, in any controller or pod) takes it with nothing after it that could redefine it (a Secret ' +
      'in `envFrom` after it is unverified), and services reporting `safety.kill_switch` agree',
    kubeReads: ['readConfigMap', ...WORKLOADS_AND_CONFIGMAPS, 'proxyGet'],
    checks: ['configmap-present', 'halted', 'agents-wired', { perService: 'ops-status', id: 'kill-switch-reported' }],
  },
  {
    id: 'metrics',
    title: 'Metrics populate',
    claim: 'metrics populate',
    runbookRef: 'market-open-runbook §0 "Metrics populate", §4A',
    proves:
      "for each critical service (through the API server's service proxy) `/ops/status` answers 200 with the OpsStatus contract and " +
      '`/metrics` answers 200 with a **parsed** sample of each of the nine required metrics, judged as Prometheus scrapes: the parser chosen ' +
      'by content type (text 0.0.4, or OpenMetrics 1.0 with `# EOF` last and `_total` counter samples) and a sample with an explicit ' +
      'timestamp over 5 min old or 30 s in the future not counted ([decision](docs/decisions/freshness-and-scrape.md))',
    kubeReads: ['proxyGet'],
    checks: [
      { perService: 'ops-status', id: 'ops-status' },
      { perService: 'metrics', id: 'metrics-200' },
      { perService: 'metrics', id: 'required-metrics' },
    ],
  },
  {
    id: 'marketdata-freshness',
    title: 'Market data is fresh',
    claim: 'market data is fresh',
    runbookRef: 'market-open-runbook §4B; pre_market.md step 3a',
    proves:
      "`marketdata-mcp-server` `/healthz` 200; **every** source it offers says fresh by openbell's clock and `--stale-threshold` (not the " +
      "service's own threshold): `/heartbeat`, `/ops/status` `marketdata` (`is_fresh` and the age of `last_tick_utc`), " +
      '`heartbeat_age_seconds`. Stale, negative, non-finite or in the future (over 30 s) fails; null or malformed is unverified; an absent ' +
      'source is recorded as absent, and `/ops/status` `marketdata` (the only one that follows real ticks) must be present ' +
      '([decision](docs/decisions/freshness-and-scrape.md)); `heartbeat_age_seconds` finite, not negative and ≤ `--stale-threshold`. ' +
      'Before pre-market quotes flow (04:00 ET) this gate is NO-GO by design',
    kubeReads: ['proxyGet'],
    checks: [
      { perService: 'freshness', id: 'healthz' },
      { perService: 'freshness', id: 'fresh' },
      { perService: 'freshness', id: 'heartbeat-age' },
    ],
  },
  {
    id: 'cluster-health',
    title: 'Cluster health: no crash loops, every workload ready',
    claim: 'the cluster is healthy: no crash loops, every workload ready',
    runbookRef: 'pre_market.md steps 3b and 4b; readiness checks',
    proves:
      'no crash loop or pull error, every Deployment, StatefulSet and DaemonSet rolled out, every pod Ready (bare ones too) and pods wherever ' +
      'workloads want them (none at all is a fail, never a vacuous pass), nothing restarting now, no staleness bypass',
    kubeReads: ['listEvents', ...WORKLOADS_AND_CONFIGMAPS],
    checks: ['no-crashloop-or-pull-errors', 'pods-ready', 'workloads-rolled-out', 'stable', 'no-staleness-bypass'],
  },
] as const satisfies readonly GateEntry[])

/** A gate id, e.g. `kill-switch`. */
export type GateId = (typeof GATE_REGISTRY)[number]['id']

/** The registry entry of a gate. */
export function gateEntry(gate: GateId): GateEntry {
  return GATE_REGISTRY.find((entry) => entry.id === gate) as GateEntry
}

/** The gate's place in the runbook, from 1. */
export function gateNumber(gate: GateId): number {
  return GATE_REGISTRY.findIndex((entry) => entry.id === gate) + 1
}

/** A spec's `describe` title: `Gate 4 — the kill switch halts execution`. */
export function gateTitle(gate: GateId): string {
  return `Gate ${gateNumber(gate)} — ${gateEntry(gate).claim}`
}

/** The Kubernetes reads of each gate, for the start-of-run permission check (SelfSubjectAccessReview). */
export const GATE_KUBE_READS: Readonly<Record<GateId, readonly KubeReadName[]>> = Object.freeze(
  Object.fromEntries(GATE_REGISTRY.map((entry): [GateId, readonly KubeReadName[]] => [entry.id, entry.kubeReads])) as Record<GateId, readonly KubeReadName[]>,
)

/** The check ids a gate declares against these critical services, in the registry's order. */
export function gateCheckIds(gate: GateId, services: readonly CriticalService[]): string[] {
  return gateEntry(gate).checks.flatMap((check) =>
    typeof check === 'string' ? [check] : services.filter((service) => service.reads.includes(check.perService)).map((service) => `${service.name}.${check.id}`),
  )
}
