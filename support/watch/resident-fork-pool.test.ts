import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createVitest, type Vitest } from 'vitest/node'
import { secretRegistry } from '../secrets/index.ts'
import { createResidentForkPool, type ResidentForkPool } from './resident-fork-pool.ts'

let opened: { vitest: Vitest; resident: ResidentForkPool; dir: string } | null = null
afterEach(async () => {
  await opened?.vitest.close()
  await opened?.resident.close()
  if (opened) rmSync(opened.dir, { recursive: true, force: true })
  opened = null
})

/** A vitest over one spec file that appends its worker's pid to a log each time it runs, with the resident pool. */
async function start(maxRunsPerWorker?: number, alsoInTheCheck = '') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-resident-pool-'))
  const log = path.join(dir, 'runs.log')
  writeFileSync(
    path.join(dir, 'one.spec.js'),
    `import { appendFileSync } from 'node:fs'\nimport { it, expect } from 'vitest'\nit('runs', () => { appendFileSync(${JSON.stringify(log)}, process.pid + '\\n'); ${alsoInTheCheck} expect(1).toBe(1) })\n`,
  )
  const resident = createResidentForkPool(maxRunsPerWorker === undefined ? {} : { maxRunsPerWorker })
  const vitest = await createVitest('test', { config: false, root: dir, dir, include: ['*.spec.js'], watch: false, isolate: false, maxWorkers: 1, pool: resident.pool, reporters: [{}] }, {}, {})
  opened = { vitest, resident, dir }
  const specs = await vitest.globTestSpecifications()
  const run = async () => {
    await vitest.runTestSpecifications(specs, true)
    return specs.map((spec) => spec.testModule?.state())
  }
  const pids = () => readFileSync(log, 'utf8').trim().split('\n').map(Number)
  return { resident, run, pids }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('the resident fork pool', () => {
  it('registers a secret the worker process shares with this process\'s scrubbing, and hands vitest only its own messages', { timeout: 60_000 }, async () => {
    const secret = 'canary-watch-worker-token-90d3'
    const { run } = await start(undefined, `process.send({ 'openbell.shared-secret': ${JSON.stringify(secret)} });`)
    expect(secretRegistry.forms()).not.toContain(secret)
    expect(await run()).toEqual(['passed'])
    expect(secretRegistry.forms()).toContain(secret)
    secretRegistry.clear()
  })

  it('runs the spec file anew in the same worker process, run after run, and ends it on close', { timeout: 60_000 }, async () => {
    const { resident, run, pids } = await start()
    for (let round = 0; round < 3; round++) expect(await run()).toEqual(['passed'])
    expect(pids()).toHaveLength(3)
    expect(new Set(pids()).size, 'one worker served every run').toBe(1)
    expect(resident.started).toBe(1)
    const [pid] = pids()
    expect(isAlive(pid!), 'the worker is kept between runs').toBe(true)
    await resident.close()
    expect(isAlive(pid!)).toBe(false)
  })

  it('starts a new worker when the resident one died, and the run after still runs the spec', { timeout: 60_000 }, async () => {
    const { resident, run, pids } = await start()
    await run()
    const [first] = pids()
    process.kill(first!, 'SIGKILL')
    for (let tries = 0; tries < 100 && isAlive(first!); tries++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await run()).toEqual(['passed'])
    expect(pids()).toHaveLength(2)
    expect(pids()[1]).not.toBe(first)
    expect(resident.started).toBe(2)
  })

  it('replaces its worker after maxRunsPerWorker runs, so what a worker holds on to is bounded', { timeout: 60_000 }, async () => {
    const { resident, run, pids } = await start(2)
    for (let round = 0; round < 5; round++) expect(await run()).toEqual(['passed'])
    const [a, b, c, d, e] = pids()
    expect([a === b, b === c, c === d, d === e]).toEqual([true, false, true, false])
    expect(resident.started).toBe(3)
    expect(isAlive(a!), 'a retired worker has ended').toBe(false)
  })
})
