import { describe, expect, it } from 'vitest'
import { parseCli } from './parse-cli.ts'
import { resolveConfig } from './resolve-config.ts'

const resolve = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
  resolveConfig(parseCli(argv, env), { env, cwd: '/work', knownScenarios: ['crashloop'] })

describe('resolveConfig', () => {
  it('fills emulator-mode defaults', () => {
    const config = resolve([])
    expect(config).toMatchObject({
      env: 'emulators',
      namespace: 'trading-floor',
      tenantId: 'demo-tenant',
      firestoreProject: 'demo-openbell',
      reportsDir: '/work/reports',
      authorization: null,
      staleThresholdSeconds: 120,
      gateFilter: [],
    })
  })

  it('takes --history as an existing folder, and refuses one that is not (issue 16)', () => {
    expect(resolve([]).historyDir).toBeNull()
    expect(resolve(['--history=/tmp']).historyDir).toBe('/tmp')
    expect(resolve([], { OPENBELL_HISTORY: '/tmp' }).historyDir).toBe('/tmp')
    expect(() => resolve(['--history=/nonexistent/history'])).toThrow(
      '[openbell] --history "/nonexistent/history" is not a folder; name the folder that holds earlier run folders (e.g. downloaded artifacts), or leave the flag out to use --reports.',
    )
  })

  it('leaves the tenant unset in cluster mode and takes the project from GOOGLE_CLOUD_PROJECT', () => {
    const config = resolve(['--env=cluster'], { GOOGLE_CLOUD_PROJECT: 'agenttrader-prod' })
    expect(config.tenantId).toBeNull()
    expect(config.firestoreProject).toBe('agenttrader-prod')
  })

  it.each([
    [['--env=prod'], '[openbell] --env "prod" is not one of: emulators, cluster.'],
    [['--namespace=Trading_Floor'], '[openbell] --namespace "Trading_Floor" is not a DNS-1123 label (lower-case letters, digits and "-", alphanumeric at both ends).'],
    [['--namespace='], '[openbell] --namespace "" is not a DNS-1123 label (lower-case letters, digits and "-", alphanumeric at both ends).'],
    [['--tenant-id=../x'], '[openbell] --tenant-id "../x" contains "/", so it is not a single Firestore path segment.'],
    [['--tenant-id=a/b'], '[openbell] --tenant-id "a/b" contains "/", so it is not a single Firestore path segment.'],
    [['--tenant-id=__x__'], '[openbell] --tenant-id "__x__" matches __.*__, which Firestore reserves.'],
    [['--tenant-id=..'], '[openbell] --tenant-id ".." is "." or "..", which Firestore does not allow as an id.'],
    [['--session=2026-02-30'], '[openbell] --session "2026-02-30" is not a calendar date.'],
    [['--session=tomorrow'], '[openbell] --session "tomorrow" is not a date of the form YYYY-MM-DD.'],
    [['--authorize-execution=alice'], '[openbell] --authorize-execution "alice" must read "WHO/TICKET/REASON" with all three parts filled in.'],
    [['--stale-threshold=0'], '[openbell] --stale-threshold "0" must be between 1 and 86400 seconds.'],
    [['--request-timeout=50'], '[openbell] --request-timeout "50" must be between 100 and 20000 milliseconds.'],
    [['--request-timeout=30000'], '[openbell] --request-timeout "30000" must be between 100 and 20000 milliseconds.'],
    [['--request-timeout=5s'], '[openbell] --request-timeout "5s" is not a whole number of milliseconds.'],
    [['--scenario=nope'], '[openbell] --scenario "nope" is not a known scenario; run `openbell scenarios` to list them.'],
    [['--env=cluster', '--scenario=crashloop'], '[openbell] --scenario applies to --env=emulators only; a live cluster is never broken on purpose.'],
    [['not-a-gate'], '[openbell] "not-a-gate" is not a gate id; expected one of: session, data-seeded, paper-execution, kill-switch, metrics, marketdata-freshness, cluster-health.'],
  ])('rejects %j', (argv, message) => {
    expect(() => resolve(argv)).toThrow(message)
  })

  it('takes the request deadline from --request-timeout, else 5000 ms', () => {
    expect(resolve(['--request-timeout=15000']).requestTimeoutMs).toBe(15_000)
    expect(resolve([]).requestTimeoutMs).toBe(5_000)
  })

  it('accepts a unicode tenant id that is one Firestore segment', () => {
    expect(resolve(['--tenant-id=trésorerie-東京']).tenantId).toBe('trésorerie-東京')
  })

  it('rejects an overlong tenant id by its byte length', () => {
    expect(() => resolve([`--tenant-id=${'é'.repeat(751)}`])).toThrow('is longer than 1,500 bytes')
  })

  it('shortens an overlong value in the message', () => {
    expect(() => resolve([`--namespace=${'x'.repeat(100)}`])).toThrow(`"${'x'.repeat(77)}..."`)
  })

  it('reads waivers.yaml from the working folder only when it exists, and only for the runbook commands', () => {
    const withFile = (argv: string[]) =>
      resolveConfig(parseCli(argv, {}), { env: {}, cwd: '/work', fileExists: (file) => file === '/work/waivers.yaml' })
    expect(withFile([]).waiversFile).toBe('/work/waivers.yaml')
    expect(withFile(['plan']).waiversFile).toBe('/work/waivers.yaml')
    expect(withFile(['halt']).waiversFile).toBeNull()
    expect(resolve([]).waiversFile).toBeNull()
  })

  it('takes --waivers relative to the working folder, and rejects a file that does not exist', () => {
    const config = resolveConfig(parseCli(['--waivers', 'ops/w.yaml'], {}), { env: {}, cwd: '/work', fileExists: () => true })
    expect(config.waiversFile).toBe('/work/ops/w.yaml')
    expect(() => resolveConfig(parseCli(['--waivers', 'nope.yaml'], {}), { env: {}, cwd: '/work', fileExists: () => false })).toThrow(
      '[openbell] --waivers "nope.yaml" does not exist; name an existing YAML file or leave the flag out.',
    )
  })

  it('reads the run folder of `openbell verify`, and wants exactly one', () => {
    expect(resolve(['verify', 'reports/latest'])).toMatchObject({ runFolder: '/work/reports/latest', gateFilter: [] })
    expect(() => resolve(['verify'])).toThrow('[openbell] verify takes exactly one run folder (got 0); e.g. `openbell verify reports/latest`.')
    expect(() => resolve(['verify', 'a', 'b'])).toThrow('[openbell] verify takes exactly one run folder (got 2)')
  })

  it('records gate filters', () => {
    expect(resolve(['kill-switch']).gateFilter).toEqual(['kill-switch'])
  })
})
