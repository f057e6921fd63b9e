import { describe, expect, it } from 'vitest'
import { createTestPlatform, FAKE_SCRIPTS } from '../internal/test-platform.ts'
import { createTestcontainersStrategy, whyNoDocker } from './testcontainers-strategy.ts'

describe('whyNoDocker', () => {
  // @note the fakes that answer get 10 s: on a loaded machine a shell script can take longer than the 500 ms that
  // stands for a hung engine, and a slow answer must not read as a hung one here.
  it.each<{ name: string; env: NodeJS.ProcessEnv; fakes: Record<string, string>; reason: string | undefined; timeoutMs?: number }>([
    { name: 'no docker CLI', env: { PATH: '' }, fakes: {}, reason: 'the docker CLI is not on PATH.' },
    {
      name: 'daemon down',
      env: { PATH: '/usr/bin' },
      fakes: { docker: FAKE_SCRIPTS.dockerDaemonDown },
      timeoutMs: 10_000,
      reason:
        'no Docker engine answered `docker version`: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    },
    {
      name: 'hung engine',
      env: { PATH: '/usr/bin' },
      fakes: { docker: FAKE_SCRIPTS.dockerHung },
      reason: '`docker version` did not answer within 500 ms (a hung Docker engine?).',
    },
    { name: 'engine answers', env: { PATH: '/usr/bin' }, fakes: { docker: FAKE_SCRIPTS.dockerUp }, reason: undefined, timeoutMs: 10_000 },
  ])('$name', async ({ env, fakes, reason, timeoutMs }) => {
    expect(await whyNoDocker(env, createTestPlatform({ fakes }), timeoutMs)).toBe(reason)
  })

  it('refuses a DOCKER_HOST that is not on this machine, without running docker', async () => {
    const spawned: string[] = []
    const reason = await whyNoDocker({ DOCKER_HOST: 'tcp://10.1.2.3:2375' }, createTestPlatform({ spawned }))
    expect(reason).toBe('DOCKER_HOST=tcp://10.1.2.3:2375 is not on this machine; openbell only contacts loopback addresses.')
    expect(spawned).toEqual([])
  })
})

describe('createTestcontainersStrategy', () => {
  it('says "not applicable" fast when Docker hangs', async () => {
    const platform = createTestPlatform({ fakes: { docker: FAKE_SCRIPTS.dockerHung } })
    const startedAt = platform.now()
    const result = await createTestcontainersStrategy().probe({
      projectId: 'demo-openbell',
      env: { PATH: '/usr/bin' },
      platform,
      startupTimeoutMs: 60_000,
    })
    expect(result).toEqual({ applicable: false, reason: '`docker version` did not answer within 500 ms (a hung Docker engine?).' })
    // @note the one timing bound here is the point of the probe: a hung Docker must cost ~500 ms, not 60 s.
    expect(platform.now() - startedAt).toBeLessThan(2_000)
  })
})
