import { Writable } from 'node:stream'
import { createVitest, type TestModule } from 'vitest/node'
import { specWorkerConfig, type CheckMeta } from '../context/index.ts'
import { slugify } from '../verdict/index.ts'
import { gateIdOfSpec, specFileOf, type GateDefinition } from '../gates/index.ts'

/** One check a run would declare, and whether it would run. */
export interface PlannedCheck {
  id: string
  title: string
  /** `run`; `skip`/`todo` as declared (unverified in a run); `filtered-out` by `-t`. */
  mode: 'run' | 'skip' | 'todo' | 'filtered-out'
  /** For an optional check: the reason it gives for not running without its inputs. */
  optional: string | null
}

/** One gate of the manifest as a run would see it. */
export interface PlannedGate extends GateDefinition {
  /** `runs`; `filtered-out` by gate filters; `no-spec`; `load-error` when its spec fails to load. */
  state: 'runs' | 'filtered-out' | 'no-spec' | 'load-error'
  error: string | null
  checks: PlannedCheck[]
}

/** What {@link collectPlan} found. */
export interface CollectedPlan {
  gates: PlannedGate[]
  /** Spec files outside the manifest (a run makes each a problem). */
  strays: string[]
  /** Errors vitest reported while collecting. */
  errors: string[]
}

/** Options of {@link collectPlan}. */
export interface CollectPlanOptions {
  /** The channel holding the context a run would hand the workers (nothing in it is contacted while collecting). */
  contextChannel: string
  specsDir: string
  root: string
  manifest: readonly GateDefinition[]
  /** Gates named on the command line; empty means all. */
  gateFilter: readonly string[]
  testNamePattern: string | null
}

/**
 * Lists the checks a run would execute with vitest's collection (`vitest.collect()`): the spec files are imported
 * to declare their checks, but no check runs, so no emulator is started and no cluster is contacted.
 */
export async function collectPlan(options: CollectPlanOptions): Promise<CollectedPlan> {
  const exitCodeBefore = process.exitCode
  const vitest = await createVitest(
    'test',
    {
      ...specWorkerConfig(options),
      reporters: [],
    },
    { logLevel: 'error', server: { watch: null } },
    { stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) },
  )
  let modules: readonly TestModule[]
  let errors: string[]
  try {
    const result = await vitest.collect(options.gateFilter.map((gate) => specFileOf(gate as GateDefinition['id'])))
    modules = result.testModules
    errors = result.unhandledErrors.map((error) => String((error as { message?: unknown })?.message ?? error))
  } finally {
    await vitest.close()
    process.exitCode = exitCodeBefore
  }

  const pattern = options.testNamePattern ? new RegExp(options.testNamePattern) : null
  const byGate = new Map(modules.map((module) => [gateIdOfSpec(module.moduleId) ?? module.moduleId, module]))
  const gates = options.manifest.map((definition): PlannedGate => {
    const module = byGate.get(definition.id)
    if (!module) {
      const filteredOut = options.gateFilter.length > 0 && !options.gateFilter.includes(definition.id)
      return { ...definition, state: filteredOut ? 'filtered-out' : 'no-spec', error: null, checks: [] }
    }
    const moduleErrors = module.errors().map((error) => `${error.name ?? 'Error'}: ${error.message.split('\n')[0]}`)
    const seen = new Map<string, number>()
    const checks = [...module.children.allTests()].map((test): PlannedCheck => {
      const meta = test.meta() as CheckMeta
      const base = meta.check ?? slugify(test.name)
      const count = (seen.get(base) ?? 0) + 1
      seen.set(base, count)
      // @note vitest already applied -t (a non-matching test is `skip`); the pattern only tells that skip from a declared one.
      const declared = test.options.mode
      const filteredOut = declared === 'skip' && pattern !== null && !pattern.test(test.fullName.replaceAll(' > ', ' '))
      const mode = filteredOut ? 'filtered-out' : declared === 'skip' || declared === 'todo' ? declared : 'run'
      return { id: count === 1 ? base : `${base}-${count}`, title: test.name, mode, optional: meta.optional?.reason ?? null }
    })
    return { ...definition, state: moduleErrors.length > 0 ? 'load-error' : 'runs', error: moduleErrors.join('; ') || null, checks }
  })
  const known = new Set<string>(options.manifest.map((gate) => gate.id))
  const strays = [...byGate.keys()].filter((gate) => !known.has(gate)).map((gate) => `specs/${gate}.spec.ts`)
  return { gates, strays, errors }
}
