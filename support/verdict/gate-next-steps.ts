import type { ResolvedConfig } from '../config/index.ts'
import type { GateReport } from './readiness-report.ts'
import type { GateId } from '../gates/index.ts'

/** What an operator does about a check that did not pass: where the runbook says it and what to run first. */
export interface NextStep {
  /** The runbook section that covers the fault. */
  runbook: string
  /** The first command to run; `{ns}`, `{tenant}` and `{service}` are filled in from the run. */
  command: string
}

/** Per gate: the step for any of its checks, and steps for checks with their own (keyed by check id, or the part after its last `.`). */
type GateNextSteps = { gate: NextStep; checks: Readonly<Record<string, NextStep>> }

/**
 * The next step for each check, beside the gate manifest: data, not code, so a new check gets one line here.
 * @see support/gates/gate-manifest.ts
 */
export const GATE_NEXT_STEPS: Readonly<Record<GateId, GateNextSteps>> = Object.freeze({
  session: {
    gate: { runbook: 'pre_market.md step 0', command: 'kubectl -n {ns} get deploy,sts -o wide' },
    checks: {
      'trading-day': { runbook: 'pre_market.md step 0', command: 'openbell plan --session YYYY-MM-DD' },
      'cluster-identity': { runbook: 'pre_market.md step 0', command: 'kubectl config current-context && kubectl version' },
    },
  },
  'data-seeded': {
    gate: { runbook: 'market-open-runbook §2A, §2B', command: 'openbell seed --env=cluster --tenant-id {tenant}' },
    checks: {
      'sentiment-sectors': { runbook: 'market-open-runbook §2A', command: 'python3 scripts/seed_sentiment_data.py' },
      'whale-flow-trades': { runbook: 'market-open-runbook §2B', command: 'python3 scripts/seed_whale_flow_data.py --tenant-id "{tenant}" --num-trades 50 --num-golden-sweeps 5' },
    },
  },
  'paper-execution': {
    gate: { runbook: 'market-open-runbook §3; pre_market.md step 4a', command: 'kubectl -n {ns} get deploy,sts,ds,rs,job,cronjob,pod,configmap -o yaml | grep -nE "APCA|ALPACA|TRADING_MODE|AGENT_MODE"' },
    checks: {
      'paper-account-active': { runbook: 'market-open-runbook §3', command: 'curl -sS -H "APCA-API-KEY-ID: $APCA_API_KEY_ID" -H "APCA-API-SECRET-KEY: $APCA_API_SECRET_KEY" https://paper-api.alpaca.markets/v2/account' },
    },
  },
  'kill-switch': {
    gate: { runbook: 'market-open-runbook §5A', command: 'openbell halt --env=cluster' },
    checks: {
      'configmap-present': { runbook: 'market-open-runbook §5A', command: "kubectl -n {ns} get configmap agenttrader-kill-switch -o jsonpath='{.data.EXECUTION_HALTED}'" },
      'agents-wired': { runbook: 'market-open-runbook §5A', command: 'kubectl -n {ns} get deploy,sts,ds,rs,job,cronjob,pod -o yaml | grep -n -B2 -A4 EXECUTION_HALTED' },
    },
  },
  metrics: {
    gate: { runbook: 'market-open-runbook §4A', command: 'kubectl -n {ns} get --raw "/api/v1/namespaces/{ns}/services/{service}:80/proxy/ops/status"' },
    checks: {
      'metrics-200': { runbook: 'market-open-runbook §4A', command: 'kubectl -n {ns} get --raw "/api/v1/namespaces/{ns}/services/{service}:80/proxy/metrics"' },
      'required-metrics': { runbook: 'market-open-runbook §4A', command: 'kubectl -n {ns} get --raw "/api/v1/namespaces/{ns}/services/{service}:80/proxy/metrics"' },
    },
  },
  'marketdata-freshness': {
    gate: { runbook: 'market-open-runbook §4B; pre_market.md step 3a', command: 'kubectl -n {ns} logs deploy/{service} --since=10m' },
    checks: {
      healthz: { runbook: 'market-open-runbook §4B', command: 'kubectl -n {ns} get --raw "/api/v1/namespaces/{ns}/services/{service}:80/proxy/healthz"' },
    },
  },
  'cluster-health': {
    gate: { runbook: 'pre_market.md steps 3b and 4b', command: 'kubectl -n {ns} get pods -o wide' },
    checks: {
      'no-crashloop-or-pull-errors': { runbook: 'pre_market.md step 3b', command: 'kubectl -n {ns} get pods --field-selector=status.phase!=Running' },
      'workloads-rolled-out': { runbook: 'pre_market.md step 4b', command: 'kubectl -n {ns} get deploy,sts' },
      stable: { runbook: 'pre_market.md step 3b', command: 'kubectl -n {ns} get events --field-selector type=Warning --sort-by=.lastTimestamp' },
    },
  },
})

/** The values a step's command is filled in with. */
export type NextStepTarget = Pick<ResolvedConfig, 'namespace' | 'tenantId'>

/**
 * The next step of one check: its own, else its gate's, with the namespace, tenant and (for `<service>.<check>`
 * ids) the service filled in.
 */
export function nextStepOf(gate: GateId, checkId: string, target: NextStepTarget): NextStep {
  const steps = GATE_NEXT_STEPS[gate]
  const dot = checkId.lastIndexOf('.')
  const service = dot > 0 ? checkId.slice(0, dot) : 'marketdata-mcp-server'
  const step = steps.checks[checkId] ?? steps.checks[checkId.slice(dot + 1)] ?? steps.gate
  const command = step.command
    .replaceAll('{ns}', target.namespace)
    .replaceAll('{tenant}', target.tenantId ?? 'TENANT_ID')
    .replaceAll('{service}', service)
  return { runbook: step.runbook, command }
}

/** The gates with a next step on every check that failed or could not be verified (waived ones included: the fault is real). */
export function attachNextSteps(gates: readonly GateReport[], target: NextStepTarget): GateReport[] {
  return gates.map((gate) => ({
    ...gate,
    checks: gate.checks.map((check) =>
      check.status === 'pass' || check.status === 'optional-not-run' ? check : { ...check, nextStep: nextStepOf(gate.id, check.id, target) },
    ),
  }))
}
