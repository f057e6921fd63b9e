import { KubeConfig } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { assertRecordedCluster } from './assert-recorded-cluster.ts'

function kubeConfigAt(server: string, context = 'prod'): KubeConfig {
  const kubeConfig = new KubeConfig()
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server }],
    users: [{ name: 'u', token: 'token-not-shown' }],
    contexts: [{ name: context, cluster: 'c', user: 'u' }],
    currentContext: context,
  })
  return kubeConfig
}

const RECORDED = { kubeconfigPath: null, context: 'prod', server: 'https://10.0.0.1', version: 'v1.32.4', problem: null }

describe('assertRecordedCluster: the worker judges the cluster the runner recorded', () => {
  it('accepts the same context and API server (userinfo is not part of the identity)', () => {
    expect(() => assertRecordedCluster(kubeConfigAt('https://10.0.0.1'), RECORDED)).not.toThrow()
    expect(() => assertRecordedCluster(kubeConfigAt('https://user:pass@10.0.0.1'), RECORDED)).not.toThrow()
  })

  it('a kubeconfig rewritten to another API server during the run makes the checks unverified, naming both', () => {
    const judging = () => assertRecordedCluster(kubeConfigAt('https://10.9.9.9'), RECORDED)
    expect(judging).toThrow(CouldNotCheckError)
    expect(judging).toThrow(/names context prod at https:\/\/10\.9\.9\.9, but the run recorded context prod at https:\/\/10\.0\.0\.1/)
  })

  it('the same server under another context is not the recorded cluster either', () => {
    expect(() => assertRecordedCluster(kubeConfigAt('https://10.0.0.1', 'staging'), RECORDED)).toThrow(CouldNotCheckError)
  })

  it('nothing recorded (the runner could not load the kubeconfig) leaves the reason to the checks that read', () => {
    expect(() => assertRecordedCluster(kubeConfigAt('https://10.9.9.9'), { ...RECORDED, server: null })).not.toThrow()
  })
})
