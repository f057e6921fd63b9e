import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { codeFile } from '../support/project-paths.ts'
import type { FloorRequest, StartedFloor } from '../support/run/index.ts'
import { startFirestoreEmulator, type StartedFirestore } from './firestore/index.ts'
import { scheduleFirestoreKill } from './firestore/schedule-firestore-kill.ts'
import { generateLargeFloor, type KubeFloorSize } from './kube-api/generate-large-floor.ts'
import {
  applyKubeOverlay,
  FLOOR_KUBE_FIXTURE_DIR,
  KUBE_API_EMULATOR_DEFAULTS,
  KubeApiEmulator,
  loadKubeObjects,
  writeKubeconfig,
} from './kube-api/index.ts'
import { startOpsServices, type StartedOpsServices } from './ops/index.ts'
import { loadScenario } from './scenarios/load-scenarios.ts'
import type { StartedKubeApi } from './kube-api/started-kube-api.ts'
import { UsageError } from '../support/errors.ts'

/** The run's record of every request the Kubernetes API stand-in answered, under `evidence/`: what openbell asked. */
export const KUBE_API_REQUEST_LOG = 'kube-api-requests.ndjson'

const ALPACA_WORKER_SETUP = codeFile('emulators/alpaca/worker-setup.ts')

/**
 * The demo key pair every spec worker gets in emulator mode, so the optional paper-account check runs against the
 * Alpaca stand-in (which wants both key headers). It also replaces any real pair in the operator's environment:
 * nothing real is sent, even to the stand-in.
 */
export const EMULATOR_ALPACA_CREDENTIALS = Object.freeze({ APCA_API_KEY_ID: 'PKOPENBELLDEMO0000', APCA_API_SECRET_KEY: 'openbell-demo-secret' })

/** What the run's progress line says the floor's start-up is waiting for, by `startupMs` key. */
const WAITING_FOR = Object.freeze({
  ops: 'the ops stand-ins',
  firestore: 'the Firestore emulator',
  'kube-api': 'the Kubernetes API stand-in',
  seed: 'Firestore to be seeded',
})

/** A bigger floor than the fixture, for the benchmark (`bench/`): generated in memory, never committed as files. */
export interface StartFloorOptions {
  /** Namespace totals of Pods, Services and ConfigMaps, grown by cloning the fixture's own objects. @default the fixture as it is */
  kube?: KubeFloorSize
  /** Regular Whale Flow trades seeded for the tenant (a scenario's own `seed.trades` wins). @default 50 */
  trades?: number
}

/**
 * Starts the embedded trading floor: the ops stand-ins, the Firestore emulator (probed) and the Kubernetes API
 * stand-in in parallel, has the runner's seeder (`request.seed`) seed Firestore, and applies the scenario's overlays.
 * Whatever started is stopped again if anything fails, and on `stop()`.
 */
export async function startFloor(request: FloorRequest, options: StartFloorOptions = {}): Promise<StartedFloor> {
  const scenario = request.scenario ? loadScenario(request.scenario) : null
  const now = new Date()
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-floor-'))
  const startupMs: Record<string, number> = {}
  const notes: string[] = []
  const stops: (() => Promise<void>)[] = [async () => rmSync(scratch, { recursive: true, force: true })]
  const timed = async <T>(name: keyof typeof WAITING_FOR, start: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const done = request.progress?.wait(WAITING_FOR[name])
    try {
      const value = await start()
      startupMs[name] = Math.round(performance.now() - started)
      return value
    } finally {
      done?.()
    }
  }
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }

  try {
    const opsStarting = timed('ops', () => startOpsServices({ services: scenario?.ops ?? {} })).then(track<StartedOpsServices>(stops))
    const objectsLoading = loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now })
      .then((loaded) => applyKubeOverlay(loaded, scenario?.kube ?? {}, { now }))
      .then((loaded) => (options.kube ? generateLargeFloor(loaded, options.kube, request.namespace) : loaded))
    // @note the seeding code loads while the JVM boots: once the ops stand-ins and the fixtures are up (the JVM is spawned
    // by then), not with this module, where it delayed the JVM's spawn, and not once the emulator answers. The runner's
    // seeder may have code to load too (`seed.load`: `openbell watch` seeds in its own thread with firebase-admin, ~0.5–1 s
    // of imports); a one-shot run's seeder has its spec worker seed, and has nothing to load here.
    const seederLoading = scenario?.firestore?.down
      ? null
      : Promise.all([opsStarting, objectsLoading]).then(async () => (await Promise.all([import('./seed-floor.ts'), request.seed.load?.()]))[0])
    // @note awaited below when the emulator is up; a floor that fails before that rejects through the Promise.all.
    seederLoading?.catch(() => undefined)
    const [ops, firestore, objects] = await Promise.all([
      opsStarting,
      scenario?.firestore?.down
        ? Promise.resolve(null)
        : timed('firestore', () =>
            startFirestoreEmulator({
              projectId: request.firestoreProject,
              // @note firebase-admin reads FIRESTORE_EMULATOR_HOST over anything we pass: when it is set, it is the only choice.
              ...(process.env.FIRESTORE_EMULATOR_HOST ? { strategies: ['env'] as const } : {}),
            }),
          ).then(track<StartedFirestore>(stops)),
      objectsLoading,
    ])

    const kubeApi = scenario?.kubeApi?.down
      ? null
      : await timed('kube-api', () =>
            new KubeApiEmulator()
              .withObjects(objects)
              .withServiceProxy(
                Object.fromEntries(Object.entries(ops.urls).map(([name, url]) => [`${request.namespace}/${name}:80`, url])),
              )
              .withForbidden(scenario?.kubeApi?.forbidden ?? [])
              .withLatencyMs(scenario?.kubeApi?.latencyMs ?? 0)
              .withToken(scenario?.kubeApi?.token ?? KUBE_API_EMULATOR_DEFAULTS.token)
              .withStopAfterRequests(scenario?.kubeApi?.stopAfterRequests ?? null)
              .withMutations(scenario?.kubeApi?.mutations ?? [])
              .withHostileAnswers(scenario?.kubeApi?.hostile ?? {})
              .withRequestLog(path.join(request.runDir, 'evidence', KUBE_API_REQUEST_LOG))
              .start(),
          ).then(track(stops))
    const kubeconfigPath = kubeApi?.kubeconfigPath ?? (await writeKubeconfig({ server: `http://127.0.0.1:${await closedPort()}`, path: path.join(scratch, 'kubeconfig') }))

    let firestoreHost = `127.0.0.1:${await closedPort()}`
    if (firestore) {
      firestoreHost = firestore.host
      notes.push(`Firestore emulator: ${firestore.backend} (${firestore.probes.map((probe) => `${probe.name}: ${probe.outcome}${probe.reason ? ` — ${probe.reason}` : ''}`).join('; ')})`)
      const { seedFloor } = await (seederLoading ?? import('./seed-floor.ts'))
      await timed('seed', () => seedFloor(firestore, request, scenario?.firestore, now, options.trades))
      const killAfterMs = scenario?.firestore?.killAfterMs
      if (killAfterMs !== undefined) stops.push(scheduleFirestoreKill(firestore, killAfterMs))
    } else {
      notes.push('Firestore emulator: down (scenario)')
    }
    if (scenario) notes.push(`scenario ${scenario.name}: ${scenario.description}`)

    return {
      kubeconfigPath,
      firestoreEmulatorHost: firestoreHost,
      firestoreBackend: firestore?.backend ?? 'down',
      startupMs,
      notes,
      workerSetupFiles: [ALPACA_WORKER_SETUP],
      workerEnv: EMULATOR_ALPACA_CREDENTIALS,
      stop: stopAll,
      applyScenario: async (name) => applyScenarioToRunningFloor(name, { ops, kubeApi }),
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/**
 * Puts a scenario's `kube` overlay and `ops` faults on the running floor (over the floor as it started), or takes
 * them off (`null`). A scenario that changes the API server itself or Firestore can only be chosen at start.
 */
function applyScenarioToRunningFloor(name: string | null, floor: { ops: StartedOpsServices; kubeApi: StartedKubeApi | null }): void {
  const scenario = name === null ? null : loadScenario(name)
  if (scenario && (scenario.kubeApi || scenario.firestore || scenario.kube?.remove)) {
    throw new UsageError(`scenario ${JSON.stringify(name)} changes the API server, Firestore or removes objects; it can only be set at start: --scenario ${name}.`)
  }
  if (!floor.kubeApi) throw new UsageError('this floor has no Kubernetes API stand-in to change (it was started down).')
  floor.kubeApi.applyOverlay(scenario?.kube ?? null)
  for (const service of Object.values(floor.ops.services)) service.reconfigure(scenario?.ops?.[service.name] ?? {})
}

function track<T extends { stop(): Promise<void> }>(stops: (() => Promise<void>)[]): (started: T) => T {
  return (started) => {
    stops.push(() => started.stop())
    return started
  }
}

/** A loopback port nothing listens on: what a down API server or emulator looks like to a client. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
