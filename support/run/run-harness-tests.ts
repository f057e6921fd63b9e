import path from 'node:path'

/** How the harness's own tests ended. */
export interface HarnessOutcome {
  passed: number
  failed: number
  skipped: number
  ok: boolean
}

/** Runs the harness's own tests (`vitest.config.ts`: unit tests and fault scenarios) with vitest's default reporter. */
export async function runHarnessTests(root: string): Promise<HarnessOutcome> {
  const exitCodeBefore = process.exitCode
  // @note loaded when the command runs: `openbell run` imports this domain too and needs no second vitest.
  const { createVitest } = await import('vitest/node')
  const vitest = await createVitest('test', { root, config: path.join(root, 'vitest.config.ts'), watch: false })
  try {
    await vitest.start()
    const tests = vitest.state.getFiles().flatMap((file) => collectTests(file))
    const failedFiles = vitest.state.getFiles().filter((file) => file.result?.state === 'fail').length
    const passed = tests.filter((state) => state === 'pass').length
    const failed = tests.filter((state) => state === 'fail').length
    const skipped = tests.length - passed - failed
    const ok = failed === 0 && failedFiles === 0 && vitest.state.getUnhandledErrors().length === 0 && passed > 0
    return { passed, failed, skipped, ok }
  } finally {
    await vitest.close()
    process.exitCode = exitCodeBefore
  }
}

type TaskLike = { type: string; mode?: string; result?: { state?: string }; tasks?: TaskLike[] }

function collectTests(task: TaskLike): string[] {
  if (task.type === 'test') return [task.result?.state ?? task.mode ?? 'skip']
  return (task.tasks ?? []).flatMap(collectTests)
}
