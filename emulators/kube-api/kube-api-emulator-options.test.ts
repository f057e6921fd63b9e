import { describe, expect, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { KUBE_API_EMULATOR_DEFAULTS, resolveKubeApiEmulatorOptions, type KubeApiEmulatorOptions } from './kube-api-emulator-options.ts'

describe('resolveKubeApiEmulatorOptions', () => {
  it('fills every default', () => {
    expect(resolveKubeApiEmulatorOptions({})).toEqual(KUBE_API_EMULATOR_DEFAULTS)
    expect(Object.isFrozen(KUBE_API_EMULATOR_DEFAULTS)).toBe(true)
  })

  it.each<[KubeApiEmulatorOptions, string]>([
    [{ serviceProxy: { 'trading-floor/svc:80': 'http://10.0.0.1:8080' } },
      'invalid kube-api emulator options: serviceProxy.trading-floor/svc:80: must be an http:// URL on 127.0.0.1, localhost or [::1] (the emulator never contacts other hosts) (seen "http://10.0.0.1:8080"). Fix the value passed to the matching with*() setter.'],
    [{ latencyMs: -1 },
      'invalid kube-api emulator options: latencyMs: Too small: expected number to be >=0 (seen -1). Fix the value passed to the matching with*() setter.'],
    [{ forbidden: ['Config Maps'] },
      'invalid kube-api emulator options: forbidden.0: must be "<resource>" or "<resource>/<subresource>" (seen "Config Maps"). Fix the value passed to the matching with*() setter.'],
  ])('rejects %j with a UsageError', (options, message) => {
    expect(() => resolveKubeApiEmulatorOptions(options)).toThrow(new UsageError(message))
  })
})
