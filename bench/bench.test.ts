import { describe, expect, it } from 'vitest'
import { generateLargeFloor, LARGE_KUBE_FLOOR_SIZE } from '../emulators/kube-api/generate-large-floor.ts'
import { FLOOR_KUBE_FIXTURE_DIR, loadKubeObjects } from '../emulators/kube-api/load-kube-objects.ts'
import { UsageError } from '../support/errors.ts'
import { BENCH_DEFAULTS, parseBenchOptions } from './bench-options.ts'
import { checkTarget } from './bench-targets.ts'
import { buildBenchRows, countVerdicts, ratioSummary } from './build-bench-rows.ts'
import { readRunBreakdown } from './read-run-breakdown.ts'
import { formatValue, renderBenchTable } from './render-bench-table.ts'
import { ratioOfMedians, summarize } from './summarize.ts'
import { rssWindows, slopePerEvaluation } from './watch-rss.ts'
import { watchRows } from './measure-watch.ts'
import type { ReadinessReport } from '../support/verdict/index.ts'

const NOW = new Date('2026-11-25T14:30:00.000Z')

describe('summarize', () => {
  it.each([
    { values: [3, 1, 2], expected: { n: 3, min: 1, median: 2, max: 3 } },
    { values: [4, 1, 3, 2], expected: { n: 4, min: 1, median: 2.5, max: 4 } },
    { values: [7], expected: { n: 1, min: 7, median: 7, max: 7 } },
    { values: [5, Number.NaN, 1], expected: { n: 2, min: 1, median: 3, max: 5 } },
  ])('summarizes $values', ({ values, expected }) => {
    expect(summarize(values)).toEqual(expected)
  })

  it('is null for no measurements', () => {
    expect(summarize([])).toBeNull()
  })

  it('divides medians, and is null when one is missing or the divisor is zero', () => {
    expect(ratioOfMedians(summarize([300, 500]), summarize([100]))).toBe(4)
    expect(ratioOfMedians(null, summarize([1]))).toBeNull()
    expect(ratioOfMedians(summarize([1]), summarize([0]))).toBeNull()
    expect(ratioSummary(summarize([3, 3]), summarize([1, 1, 1]))).toEqual({ n: 2, min: Number.NaN, median: 3, max: Number.NaN })
  })
})

describe('targets, verdict counts and values', () => {
  it.each([
    { value: 3_999, limit: 4_000, inclusive: false, met: true },
    { value: 4_000, limit: 4_000, inclusive: false, met: false },
    { value: 3, limit: 3, inclusive: true, met: true },
    { value: null, limit: 3, inclusive: true, met: null },
  ])('checks $value against $limit (inclusive: $inclusive)', ({ value, limit, inclusive, met }) => {
    expect(checkTarget(value, limit, 'text', inclusive)).toEqual({ text: 'text', met })
  })

  it('counts verdicts in the order first seen, and the gates behind a NO-GO', () => {
    expect(countVerdicts([{ verdict: 'GO' }, { verdict: 'NO-GO' }, { verdict: 'GO' }])).toBe('GO ×2, NO-GO ×1')
    expect(countVerdicts([{ verdict: 'NO-GO', notPassing: ['data-seeded unverified: timed out'] }, { verdict: 'GO', notPassing: [] }])).toBe(
      'NO-GO ×1, GO ×1 (data-seeded unverified ×1)',
    )
  })

  it.each([
    { value: 1234.4, unit: 'ms' as const, text: '1,234 ms' },
    { value: 311.6, unit: 'MB' as const, text: '312 MB' },
    { value: 2.414, unit: 'x' as const, text: '2.41x' },
    { value: Number.NaN, unit: 'x' as const, text: '–' },
    { value: null, unit: 'ms' as const, text: '–' },
  ])('formats $value $unit as $text', ({ value, unit, text }) => {
    expect(formatValue(value, unit)).toBe(text)
  })
})

describe('renderBenchTable', () => {
  it('renders sections and measurements as an aligned Markdown table', () => {
    const table = renderBenchTable([
      { section: 'cold' },
      { label: 'time to verdict', unit: 'ms', summary: summarize([3_000, 5_000, 4_000]), target: checkTarget(4_000, 4_000, '< 4000 ms'), note: 'GO ×3' },
      { label: 'peak RSS', unit: 'MB', summary: null },
    ])
    expect(table.split('\n')).toEqual([
      '| measurement     | n |      min |   median |      max | target    | met | note  |',
      '| --------------- | : | -------: | -------: | -------: | --------- | --- | ----- |',
      '| **cold**        |   |          |          |          |           |     |       |',
      '| time to verdict | 3 | 3,000 ms | 4,000 ms | 5,000 ms | < 4000 ms | NO  | GO ×3 |',
      '| peak RSS        | 0 |        – |        – |        – |           |     |       |',
    ])
  })
})

describe('the CLI rows', () => {
  it('give each command its median and issue 14\'s target, met or not', () => {
    const rows = buildBenchRows({
      runId: 'r', startedAt: NOW.toISOString(), options: BENCH_DEFAULTS, cold: [], small: null, large: null,
      cli: { '--help': [300, 200, 900], 'usage error': [600, 700, 500], scenarios: [800], plan: [] },
    })
    expect(rows.map((row) => ('section' in row ? row.section : [row.label, row.summary?.median ?? null, row.target?.met ?? null]))).toEqual([
      'CLI: node bin/openbell.js <command>, spawn to exit',
      ['--help', 300, true],
      ['usage error', 600, false],
      ['scenarios', 800, true],
      ['plan', null, null],
    ])
  })
})

describe('readRunBreakdown', () => {
  it('splits a run into launch, emulators (critical path), seeding, gates and the rest', () => {
    const report = {
      verdict: 'GO',
      exitCode: 0,
      startedAt: '2026-11-25T14:30:01.000Z',
      finishedAt: '2026-11-25T14:30:05.000Z',
      emulators: { scenario: null, startupMs: { ops: 30, firestore: 1_500, 'kube-api': 20, seed: 400 }, notes: [] },
      gates: [
        { id: 'session', status: 'pass', reason: null, durationMs: 300, checks: [] },
        { id: 'metrics', status: 'unverified', reason: null, durationMs: 200, checks: [{ status: 'unverified', reason: 'timed out' }] },
      ],
    } as unknown as ReadinessReport
    expect(readRunBreakdown(report, Date.parse('2026-11-25T14:30:00.250Z'))).toEqual({
      verdict: 'GO',
      exitCode: 0,
      startupMs: { ops: 30, firestore: 1_500, 'kube-api': 20, seed: 400 },
      emulatorsMs: 1_520,
      seedMs: 400,
      gatesMs: { session: 300, metrics: 200 },
      gatesTotalMs: 500,
      runbookMs: 4_000,
      vitestAndRestMs: 1_580,
      launchMs: 750,
      notPassing: ['metrics unverified: timed out'],
    })
  })
})

describe('parseBenchOptions', () => {
  it('takes the defaults, then the environment, then the flags', () => {
    expect(parseBenchOptions([], {})).toEqual(BENCH_DEFAULTS)
    expect(parseBenchOptions(['--warm', '3', '--out', '/tmp/b', '--cli', '0'], { OPENBELL_BENCH_WARM: '7', OPENBELL_BENCH_COLD: '2' })).toEqual({
      ...BENCH_DEFAULTS,
      cold: 2,
      warm: 3,
      cli: 0,
      out: '/tmp/b',
    })
  })

  it.each([
    { argv: ['--warm', 'many'], message: '[openbell] bench: --warm (OPENBELL_BENCH_WARM) "many" is not a whole number ≥ 0; pass e.g. --warm 10.' },
    { argv: ['--sample-ms', '5'], message: '[openbell] bench: --sample-ms (OPENBELL_BENCH_SAMPLE_MS) "5" is not a whole number ≥ 10; pass e.g. --sample-ms 50.' },
  ])('refuses $argv', ({ argv, message }) => {
    expect(() => parseBenchOptions(argv, {})).toThrow(message)
  })

  it('refuses an unknown flag as a usage error', () => {
    expect(() => parseBenchOptions(['--fast'], {})).toThrow(UsageError)
  })
})

describe('generateLargeFloor', () => {
  const count = (objects: readonly { kind: string; metadata: { namespace?: string } }[], kind: string) =>
    objects.filter((object) => object.kind === kind && object.metadata.namespace === 'trading-floor').length

  it('grows the namespace to 2,000 pods, 300 services and 100 configmaps, leaving everything else as it was', async () => {
    const fixture = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
    const large = generateLargeFloor(fixture, LARGE_KUBE_FLOOR_SIZE, 'trading-floor')
    expect({ pods: count(large, 'Pod'), services: count(large, 'Service'), configMaps: count(large, 'ConfigMap') }).toEqual({
      pods: 2_000,
      services: 300,
      configMaps: 100,
    })
    expect(large.slice(0, fixture.length)).toEqual(fixture)
    for (const kind of ['Deployment', 'StatefulSet', 'ReplicaSet', 'CronJob', 'Event']) expect(count(large, kind)).toBe(count(fixture, kind))
    expect(new Set(large.map((object) => `${object.kind}/${object.metadata.name}`)).size).toBe(large.length)
  })

  it('clones as they are, renamed and without server identity, and clones only configmaps nothing refers to', async () => {
    const fixture = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
    const extra = generateLargeFloor(fixture, { pods: count(fixture, 'Pod') + 1, services: 0, configMaps: 50 }, 'trading-floor').slice(fixture.length)
    const pod = extra.find((object) => object.kind === 'Pod')!
    const template = fixture.find((object) => object.kind === 'Pod')!
    expect(pod.metadata.name).toBe(`${template.metadata.name}-bench-1`)
    expect(pod.metadata.uid).toBeUndefined()
    expect(pod.metadata.resourceVersion).toBeUndefined()
    expect(pod.status).toEqual(template.status)
    expect(pod.metadata.ownerReferences).toEqual(template.metadata.ownerReferences)
    const cloned = new Set(extra.filter((object) => object.kind === 'ConfigMap').map((object) => object.metadata.name.replace(/-bench-\d+$/, '')))
    expect(cloned.has('agenttrader-kill-switch')).toBe(false)
    expect(cloned.has('agenttrader-safety')).toBe(false)
    expect(cloned.size).toBeGreaterThan(0)
  })

  it('adds nothing when the namespace is already that large, and refuses to clone from nothing', async () => {
    const fixture = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
    expect(generateLargeFloor(fixture, { pods: 1, services: 1, configMaps: 1 }, 'trading-floor')).toEqual(fixture)
    expect(() => generateLargeFloor(fixture, { pods: 10, services: 0, configMaps: 0 }, 'elsewhere')).toThrow(
      '[openbell] generateLargeFloor: 10 Pods were asked for, but the namespace has no Pod to clone. Add one to the fixture.',
    )
  })
})

describe("the watch's RSS trend", () => {
  const sample = (evaluations: number, worker: number, jvm: number) => ({ evaluations, rss: { total: 100 + worker + jvm, byCommand: { 'node (root)': 100, 'node (children)': worker, java: jvm } } })

  it('takes the peak of the tree and of each kind of process over each window of evaluations, apart', () => {
    // @note the worker's saw (replaced at 20) peaks at the window's end, the JVM's at its start: the tree's peak is neither sum.
    const samples = [sample(0, 10, 50), sample(19, 30, 40), sample(20, 10, 60), sample(39, 30, 40), sample(45, 5, 5)]
    expect(rssWindows(samples, 0, 40, 20)).toEqual([
      { from: 0, to: 20, total: 170, byCommand: { 'node (root)': 100, 'node (children)': 30, java: 50 } },
      { from: 20, to: 40, total: 170, byCommand: { 'node (root)': 100, 'node (children)': 30, java: 60 } },
    ])
    expect(rssWindows(samples, 0, 100, 20).map((window) => [window.from, window.to])).toEqual([[0, 20], [20, 40], [40, 60]])
  })

  it('fits the trend of the window peaks per evaluation, and has none from a single window', () => {
    const windows = [0, 1, 2, 3].map((index) => ({ from: index * 20, to: index * 20 + 20, total: 1_000 + index * 20 * 512, byCommand: {} }))
    expect(slopePerEvaluation(windows, (window) => window.total)).toBe(512)
    expect(slopePerEvaluation(windows.slice(0, 1), (window) => window.total)).toBeNull()
  })

  it("is not tilted by one window's outlying peak (a spec worker that collected its garbage late)", () => {
    const windows = Array.from({ length: 9 }, (_, index) => ({ from: index * 20, to: index * 20 + 20, total: index === 7 ? 40 * 2 ** 20 : 0, byCommand: {} }))
    expect(slopePerEvaluation(windows, (window) => window.total)).toBe(0)
  })
})

describe("the watch's RSS rows", () => {
  it('extend the last peak by the trend of the later windows, so memory given back once at the start hides no growth', () => {
    const MB = 2 ** 20
    // @note esbuild gives back 200 MB after the first window; the rest of the tree grows 1 MB per 20 evaluations.
    const rssWindows = Array.from({ length: 10 }, (_, index) => {
      const esbuild = index === 0 ? 220 * MB : 20 * MB
      const watch = 200 * MB + index * MB
      return { from: 100 + index * 20, to: 120 + index * 20, total: esbuild + watch, byCommand: { esbuild, 'node (root)': watch } }
    })
    const rows = watchRows({ kubeDetect: null, endpointDetect: null, workersStarted: 1, warmEvaluations: null, stopMs: 1_000, evaluations: 200, rssFirstBytes: 420 * MB, rssLastBytes: 229 * MB, rssWindows })
    const projected = rows.find((row) => 'label' in row && row.label.startsWith('peak RSS of the process tree, last 20 extended'))
    // @note 229 MB at the middle of the last window (290 evaluations in), + 0.05 MB per evaluation for 810 more.
    expect(projected && 'summary' in projected && projected.summary?.median).toBeCloseTo((229 + 0.05 * 810) / 420, 6)
    expect(rows.find((row) => 'label' in row && row.label === 'peak RSS of node (root) over the last 20 evaluations')).toMatchObject({ summary: { median: 209 }, note: expect.stringContaining('51 KB per evaluation (50 MB per 1,000)') })
  })
})
