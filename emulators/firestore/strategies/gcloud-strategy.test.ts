import { describe, expect, it } from 'vitest'
import { createTestPlatform } from '../internal/test-platform.ts'
import { createGcloudStrategy } from './gcloud-strategy.ts'
import { locateFirestoreEmulatorJar, locateJava } from './locate-firestore-emulator-jar.ts'

const JAR = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'
const context = (env: NodeJS.ProcessEnv, platform = createTestPlatform({})) => ({
  projectId: 'demo-openbell',
  env,
  platform,
  startupTimeoutMs: 60_000,
})

describe('locateFirestoreEmulatorJar', () => {
  it.each([
    {
      name: '$CLOUDSDK_ROOT_DIR first',
      env: { CLOUDSDK_ROOT_DIR: '/sdk', PATH: '' },
      files: [`/sdk/${JAR}`, `/usr/lib/google-cloud-sdk/${JAR}`],
      expected: { found: true, jar: `/sdk/${JAR}`, how: 'found under /sdk' },
    },
    {
      name: 'a well-known root',
      env: { PATH: '' },
      files: [`/opt/google-cloud-sdk/${JAR}`],
      expected: { found: true, jar: `/opt/google-cloud-sdk/${JAR}`, how: 'found under /opt/google-cloud-sdk' },
    },
    {
      name: '$HOME/google-cloud-sdk',
      env: { PATH: '', HOME: '/home/ops' },
      files: [`/home/ops/google-cloud-sdk/${JAR}`],
      expected: { found: true, jar: `/home/ops/google-cloud-sdk/${JAR}`, how: 'found under /home/ops/google-cloud-sdk' },
    },
  ])('finds it via $name', async ({ env, files, expected }) => {
    expect(await locateFirestoreEmulatorJar(env, createTestPlatform({ files }))).toEqual(expected)
  })

  it('asks `gcloud info` last', async () => {
    const platform = createTestPlatform({
      files: ['/bin/gcloud', `/custom/sdk/${JAR}`],
      fakes: { gcloud: "process.stdout.write('/custom/sdk\\n')" },
    })
    expect(await locateFirestoreEmulatorJar({ PATH: '/bin' }, platform)).toEqual({
      found: true,
      jar: `/custom/sdk/${JAR}`,
      how: 'found under /custom/sdk (from gcloud info)',
    })
  })

  it('lists everything it searched when the jar is missing', async () => {
    const result = await locateFirestoreEmulatorJar({ PATH: '' }, createTestPlatform({}))
    expect(result).toEqual({
      found: false,
      searched: [
        `/usr/lib/google-cloud-sdk/${JAR}`,
        `/usr/share/google-cloud-sdk/${JAR}`,
        `/opt/google-cloud-sdk/${JAR}`,
        `/usr/local/google-cloud-sdk/${JAR}`,
        `/snap/google-cloud-cli/current/${JAR}`,
        `/google-cloud-sdk/${JAR}`,
        'gcloud info (gcloud is not on PATH)',
      ],
    })
  })
})

describe('locateJava', () => {
  it.each([
    { env: { JAVA: '/j/java', JAVA_HOME: '/jh', PATH: '/bin' }, expected: '/j/java' },
    { env: { JAVA_HOME: '/jh', PATH: '/bin' }, expected: '/jh/bin/java' },
    { env: { PATH: '/nothing:/bin' }, expected: '/bin/java' },
    { env: { PATH: '' }, expected: undefined },
  ])('$env → $expected', ({ env, expected }) => {
    const platform = createTestPlatform({ files: ['/j/java', '/jh/bin/java', '/bin/java'] })
    expect(locateJava(env, platform)).toBe(expected)
  })
})

describe('createGcloudStrategy', () => {
  it('is not applicable on Windows', async () => {
    const result = await createGcloudStrategy().probe(context({}, createTestPlatform({ os: 'win32' })))
    expect(result).toEqual({
      applicable: false,
      reason: 'stopping the emulator’s process tree needs POSIX process groups (not Windows).',
    })
  })

  it('is not applicable without java, and says where the jar is', async () => {
    const platform = createTestPlatform({ files: [`/sdk/${JAR}`] })
    const result = await createGcloudStrategy().probe(context({ CLOUDSDK_ROOT_DIR: '/sdk', PATH: '' }, platform))
    expect(result).toEqual({
      applicable: false,
      reason: `the emulator jar is at /sdk/${JAR} but no java (JAVA, JAVA_HOME, PATH); install Java 11+.`,
    })
  })

  it('is not applicable when a given jarPath does not exist', async () => {
    const result = await createGcloudStrategy({ jarPath: '/missing.jar' }).probe(context({ PATH: '' }))
    expect(result).toEqual({
      applicable: false,
      reason: 'no Firestore emulator jar; searched /missing.jar. Install it with `gcloud components install cloud-firestore-emulator`.',
    })
  })
})
