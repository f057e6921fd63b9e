import type { KubeConfig } from '@kubernetes/client-node'
import { test as base } from 'vitest'
import { createFirestoreReader, type FirestoreReader } from '../data/index.ts'
import { createKubeReader, type KubeReader, loadKubeConfig } from '../kube/index.ts'
import { createEvidence, type Evidence } from './create-evidence.ts'
import type { Judgement } from '../judgement.ts'
import { gateIdOfSpec } from '../gates/index.ts'
import { assertRecordedCluster } from './assert-recorded-cluster.ts'
import { expectJudgement } from './expect-judgement.ts'
import { getRunContext } from './get-run-context.ts'
import type { RunContext } from '../context/index.ts'

/** What every check of a gate spec receives besides vitest's own context. */
export interface RunbookFixtures {
  /** The run's target and settings. */
  run: RunContext
  /** Records what the check observed. */
  evidence: Evidence
  /** Read-only access to the trading floor's namespace, shared by the checks of a spec. */
  kube: KubeReader
  /** Read-only, bounded access to the floor's Firestore data (project, emulator and tenant of the run), shared by the checks of a spec. */
  firestore: FirestoreReader
  /** Ends the check with a rule's judgement: records it, then asserts, marks it unverified or skips it as optional. */
  expectJudgement: (judgement: Judgement) => void
}

/**
 * The `it` of gate specs: vitest's `test`, extended with the runbook fixtures.
 * @example
 * it('EXECUTION_HALTED holds exactly "1"', { meta: { check: 'halted' } }, async ({ kube, evidence, run, expectJudgement }) => { … })
 */
export const it = base.extend<RunbookFixtures>({
  run: [async ({}, use) => use(getRunContext()), { scope: 'file' }],
  kube: [
    async ({ run }, use) => {
      await use(createKubeReader(kubeConfigOf(run), { namespace: run.namespace, timeoutMs: run.requestTimeoutMs, maxBytes: run.maxResponseBytes }))
    },
    { scope: 'file' },
  ],
  firestore: [
    async ({ run }, use) => {
      const reader = createFirestoreReader({
        projectId: run.firestoreProject,
        emulatorHost: run.firestoreEmulator?.host ?? null,
        tenantId: run.tenantId,
        timeoutMs: run.requestTimeoutMs,
      })
      try {
        await use(reader)
      } finally {
        await reader.close()
      }
    },
    { scope: 'file' },
  ],
  evidence: async ({ run, task }, use) => {
    await use(createEvidence(task.meta, run.runDir, gateIdOfSpec(task.file.filepath) ?? 'unknown'))
  },
  expectJudgement: async ({ evidence, task, skip }, use) => {
    await use((judgement) => expectJudgement(judgement, { evidence, task, skip }))
  },
})

/** The kubeconfig of each run this worker served, loaded once per run from where the runner loaded it. */
const kubeConfigs = new WeakMap<RunContext['cluster'], KubeConfig>()

/**
 * The worker's kubeconfig: the file and context the runner resolved, loaded once per run in this process (a loaded
 * kubeconfig holds functions and live credential plugins, so it cannot cross the process boundary; its secrets are
 * registered with this process's scrubber as it loads). A kubeconfig that cannot be loaded throws here, and each check
 * that reads the cluster is unverified with the reason.
 */
function kubeConfigOf(run: RunContext): KubeConfig {
  let kubeConfig = kubeConfigs.get(run.cluster)
  if (!kubeConfig) {
    kubeConfig = loadKubeConfig({ kubeconfigPath: run.cluster.kubeconfigPath, kubeContext: run.cluster.context })
    assertRecordedCluster(kubeConfig, run.cluster)
    kubeConfigs.set(run.cluster, kubeConfig)
  }
  return kubeConfig
}

