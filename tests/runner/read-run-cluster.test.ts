import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../../support/errors.ts'
import { recordedClusterIdentity } from '../../support/worker/index.ts'
import type { RunContext } from '../../support/context/index.ts'
import { readRunCluster } from '../../support/prepare/index.ts'

const SETTINGS = { namespace: 'trading-floor', kubeContext: null, requestTimeoutMs: 2_000 }

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('readRunCluster: the cluster is looked at once, and what could not be found is recorded with its reason', () => {
  it('records a kubeconfig that cannot be loaded, and the identity check then reports that reason once', async () => {
    const facts = await readRunCluster(SETTINGS, { kubeconfigPath: '/nonexistent/kubeconfig', loaded: null })
    expect(facts).toEqual({
      cluster: { kubeconfigPath: '/nonexistent/kubeconfig', context: null, server: null, version: null, problem: 'kubeconfig /nonexistent/kubeconfig does not exist; check --kube-context and KUBECONFIG.' },
      preflight: null,
    })
    const identity = () => recordedClusterIdentity({ cluster: facts.cluster } as RunContext)
    expect(identity).toThrow(CouldNotCheckError)
    expect(identity).toThrow(/^\[openbell\] kubeconfig \/nonexistent\/kubeconfig does not exist/)
  })

  it('records an API server that does not answer /version: context and server known, no version, the reader’s reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-read-cluster-'))
    const kubeconfigPath = path.join(dir, 'kubeconfig')
    const server = `http://127.0.0.1:${await closedPort()}`
    writeFileSync(
      kubeconfigPath,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${server}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {}}]\n` +
        'contexts: [{name: down, context: {cluster: c, user: u}}]\ncurrent-context: down\n',
    )
    const { cluster } = await readRunCluster(SETTINGS, { kubeconfigPath, loaded: null })
    expect(cluster).toMatchObject({ kubeconfigPath, context: 'down', server, version: null })
    expect(cluster.problem).toMatch(/^get \/version: cannot reach the API server \(connect ECONNREFUSED/)
    expect(() => recordedClusterIdentity({ cluster } as RunContext)).toThrow(/^\[openbell\] get \/version: cannot reach/)
  })
})
