import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CouldNotCheckError, UsageError } from '../../support/errors.ts'
import { createTestPlatform } from './internal/test-platform.ts'
import { startFirestoreEmulator } from './start-firestore-emulator.ts'
import type { FirestoreStrategy, StartedFirestore } from './types.ts'

const JAR_DIR = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'

describe('startFirestoreEmulator', () => {
  let started: StartedFirestore | undefined
  afterEach(async () => {
    await started?.stop()
    started = undefined
  })

  describe('with FIRESTORE_EMULATOR_HOST set', () => {
    let server: Server
    let host: string
    beforeEach(async () => {
      // @note a stand-in for Google's emulator: it answers GET / with "Ok".
      server = createServer((_, response) => response.end('Ok\n'))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('uses it, starts nothing, and leaves it running on stop', async () => {
      const spawned: string[] = []
      started = await startFirestoreEmulator({
        env: { FIRESTORE_EMULATOR_HOST: host },
        platform: createTestPlatform({ spawned }),
      })
      expect(started.backend).toBe('env')
      expect(started.host).toBe(host)
      expect(started.probes.map(({ name, outcome, reason }) => ({ name, outcome, reason }))).toEqual([
        {
          name: 'env',
          outcome: 'used',
          reason: `FIRESTORE_EMULATOR_HOST=${host} answered GET / with "Ok" (Google's emulator); left running.`,
        },
      ])
      await started.stop()
      expect(server.listening).toBe(true)
      expect(spawned).toEqual([])
    })
  })

  it('records a dead FIRESTORE_EMULATOR_HOST as failed and goes on', async () => {
    const dead = createServer()
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(dead.address() as AddressInfo).port}`
    await new Promise<void>((resolve) => dead.close(() => resolve()))

    started = await startFirestoreEmulator({ strategies: ['env', 'node'], env: { FIRESTORE_EMULATOR_HOST: host } })

    expect(started.backend).toBe('node')
    expect(started.probes[0]).toMatchObject({
      name: 'env',
      outcome: 'failed',
      reason: `FIRESTORE_EMULATOR_HOST=${host} is set but nothing answered there (ECONNREFUSED). Start the emulator, or unset the variable so openbell starts one.`,
    })
  })

  it('falls through to node when the gcloud jar is missing and Docker is absent', async () => {
    started = await startFirestoreEmulator({ env: { PATH: '' }, platform: createTestPlatform({}) })

    expect(started.backend).toBe('node')
    expect(started.host).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(started.pid).toBeUndefined()
    expect(started.limitations.length).toBeGreaterThan(0)
    expect(started.probes.map(({ name, outcome }) => `${name}:${outcome}`)).toEqual([
      'env:not-applicable',
      'gcloud:not-applicable',
      'testcontainers:not-applicable',
      'node:used',
    ])
    expect(started.probes[1]?.reason).toBe(
      `no Firestore emulator jar; searched /usr/lib/google-cloud-sdk/${JAR_DIR}, /usr/share/google-cloud-sdk/${JAR_DIR}, ` +
        `/opt/google-cloud-sdk/${JAR_DIR}, /usr/local/google-cloud-sdk/${JAR_DIR}, /snap/google-cloud-cli/current/${JAR_DIR}, ` +
        `/google-cloud-sdk/${JAR_DIR}, gcloud info (gcloud is not on PATH). ` +
        'Install it with `gcloud components install cloud-firestore-emulator`.',
    )
    expect(started.probes[2]?.reason).toBe('the docker CLI is not on PATH.')
  })

  it('measures startup with the platform clock', async () => {
    let tick = 0
    const platform = { ...createTestPlatform({}), now: () => (tick += 1000) }
    const instant: FirestoreStrategy = {
      name: 'node',
      probe: async () => ({ applicable: true, host: '127.0.0.1:1', reason: 'fake', pid: undefined, limitations: [], stop: async () => {} }),
    }
    started = await startFirestoreEmulator({ strategies: [instant], platform })
    expect(started.startupMs).toBe(1000)
    expect(started.probes).toEqual([{ name: 'node', outcome: 'used', reason: 'fake', durationMs: 1000 }])
  })

  it('says why every strategy failed when none works', async () => {
    const none: FirestoreStrategy = { name: 'testcontainers', probe: async () => ({ applicable: false, reason: 'no Docker.' }) }
    const broken: FirestoreStrategy = {
      name: 'gcloud',
      probe: async () => {
        throw new Error('java crashed.')
      },
    }
    const error = await startFirestoreEmulator({ strategies: [broken, none] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toBe(
      '[openbell] no Firestore emulator could be started: gcloud failed: java crashed. testcontainers not-applicable: no Docker. ' +
        'Set FIRESTORE_EMULATOR_HOST to a running emulator, or install Google’s (`gcloud components install cloud-firestore-emulator`).',
    )
  })

  it.each([
    {
      options: { strategies: ['docker'] },
      message:
        '[openbell] startFirestoreEmulator: strategies[0] "docker" is not a Firestore strategy; expected one of env, gcloud, testcontainers, node, or an object with name and probe().',
    },
    { options: { strategies: [] }, message: '[openbell] startFirestoreEmulator: strategies is invalid (Too small: expected array to have >=1 items).' },
    { options: { projectId: '' }, message: '[openbell] startFirestoreEmulator: projectId is invalid (Too small: expected string to have >=1 characters).' },
  ])('rejects $options with a UsageError', async ({ options, message }) => {
    const error = await startFirestoreEmulator(options as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toBe(message)
  })
})
