import type { createVitest, InlineConfig } from 'vitest/node'
import { CODE_ROOT, codeFile, MODULE_EXTENSION } from '../project-paths.ts'
import { specWorkerThreadPool } from './spec-worker-thread-pool.ts'

/** What a vitest that runs or collects the gate specs is pointed at. */
export interface SpecWorkerTarget {
  root: string
  specsDir: string
  /** The run context channel's address, handed to the worker (`worker/get-run-context.ts`). */
  contextChannel: string
  testNamePattern: string | null
  /** A worker that outlives each run (`openbell watch`): its spec files and setup file are evaluated anew each run. @default false */
  resident?: boolean
}

/**
 * The vitest settings every spec worker shares, whether it runs the checks (`run/run-specs.ts`) or only collects
 * them (`openbell plan`, `cli/collect-plan.ts`): the specs, one non-isolated worker thread, the runbook's setup file,
 * the context channel, and the compiled build's loading.
 */
export function specWorkerConfig(target: SpecWorkerTarget): NonNullable<Parameters<typeof createVitest>[1]> {
  return {
    config: false,
    root: target.root,
    dir: target.specsDir,
    include: [`**/*.spec${MODULE_EXTENSION}`],
    watch: false,
    // @note a worker runs its spec files one after another and keeps their modules loaded: isolated, each spec
    // file got a new process that imported the Kubernetes, Firestore and msw clients again (the seven specs took
    // 16.5 s instead of 4.2 s on 2 idle cores; `npm run bench`, README "Benchmarks"). Nothing a gate judges is
    // shared: its readers are file-scoped fixtures, and worker-setup subscribes to the process-wide guard once.
    isolate: false,
    // @note one spec worker whatever the machine: the seven gates take ~1 s together, and every further worker
    // would import the Kubernetes, Firestore and msw clients again (~3 s of CPU and ~190 MB each; vitest's default
    // is a worker per core but one, so 3 on a 4-core CI runner).
    maxWorkers: 1,
    // @note a worker thread of this process, not a forked one: one Node process fewer in the tree (~65 MB of the
    // cold run's peak RSS, `npm run bench`). The thread has its own module graph, `http`/`dns` modules and copy of
    // the environment, so worker-setup's guard covers everything the specs load, and `vitest.close()` terminates
    // the thread, left-over work included, before the violations file is read. vitest's own thread with a bounded
    // young generation (`spec-worker-thread-pool.ts`).
    pool: specWorkerThreadPool(),
    passWithNoTests: true,
    ...compiledWorkerOptions(target.resident ?? false),
    ...(target.testNamePattern ? { testNamePattern: target.testNamePattern } : {}),
    setupFiles: [codeFile('support/worker/worker-setup.ts')],
    provide: { openbell: { contextChannel: target.contextChannel } },
  }
}

/**
 * The spec worker's options when openbell runs compiled: the worker loads `dist/` with Node's own loader (vite
 * transforms nothing of it) and maps stack traces through the source maps, so a check's error names the `.ts` line.
 * From the TypeScript sources (the harness's own tests) vite transforms them as before: no options.
 */
function compiledWorkerOptions(resident: boolean): Pick<InlineConfig, 'execArgv' | 'server'> {
  if (MODULE_EXTENSION !== '.js') return {}
  // @note everything the specs import from dist/ is external. A resident worker (`openbell watch`) runs the same spec
  // files again and again: Node caches an external module for the life of the process, so the second evaluation
  // would re-run nothing. Its spec files and setup file go through vite's module runner instead, which evaluates them
  // anew each run (and lets the old copies be collected); what they import stays native and loaded.
  const reevaluated = resident ? `(?!specs[\\\\/]|support[\\\\/]worker[\\\\/]worker-setup\\.js$)` : ''
  const inCodeRoot = new RegExp(`^${escapeRegExp(CODE_ROOT)}[\\\\/]${reevaluated}`)
  return { execArgv: ['--enable-source-maps'], server: { deps: { external: [inCodeRoot] } } }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
