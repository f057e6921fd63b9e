import { renameSync, rmSync } from 'node:fs'
import { readViolationsFrom } from '../network/index.ts'
import type { RunProblem } from '../verdict/index.ts'

/** The name an evaluation's counted violations keep in its folder (`<file>` without `.ndjson`, then `.counted.ndjson`). */
export function countedViolationsFileOf(file: string): string {
  return file.replace(/\.ndjson$/, '') + '.counted.ndjson'
}

/** Counts, across a watch's evaluations, every attempt to reach the live broker host, once. */
export interface ViolationLedger {
  /**
   * The attempts not counted yet, as failed-run problems: those in `file` (this evaluation's, kept in its folder as
   * {@link countedViolationsFileOf}) and any appended since to the files of earlier evaluations. `file` is followed
   * from now on.
   */
  collect(file: string): RunProblem[]
}

/**
 * A single run reads its violations file after vitest has closed and its spec worker is gone, so no attempt escapes
 * the verdict. A watch keeps its worker: an attempt made after an evaluation's verdict (un-awaited work of a check) is
 * appended to that evaluation's file until the next evaluation hands the worker its own context, and may recreate a
 * file whose folder was moved or removed meanwhile. So a file is consumed when it is counted: renamed first (atomic;
 * the worker's next append starts a new file at the old path), then read. Each verdict counts its own file and
 * whatever appeared since at the paths of the earlier ones: every attempt made up to a verdict is in that verdict or
 * an earlier one, and none twice.
 * @note every path is kept: a worker writes to the file of the last context it received, which is not always the
 * evaluation just before (one that failed before its setup ran left the worker on the older one); a path with nothing
 * new costs one failed rename. `earlierFiles` were written before the first evaluation (the runner's, while the
 * watch started): the first collect counts them.
 */
export function createViolationLedger(earlierFiles: readonly string[] = []): ViolationLedger {
  const followed = new Set<string>(earlierFiles)
  const beforeFirst = new Set<string>(earlierFiles)
  return {
    collect(file) {
      const problems: RunProblem[] = []
      const consume = (path: string, keepAs: string | null): void => {
        const taken = keepAs ?? `${path}.taken-${process.pid}`
        try {
          renameSync(path, taken)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
          problems.push({ severity: 'fail', message: `the live-host violations file ${path} could not be read: ${describe(error)}` })
          return
        }
        try {
          const late = path !== file
          problems.push(
            ...readViolationsFrom(taken).map((violation) => ({
              severity: 'fail' as const,
              message: `a request to the live broker host was attempted and refused${beforeFirst.has(path) ? ' (while the watch started)' : late ? ' (after an earlier evaluation was decided)' : ''}: ${violation.method} ${violation.url}`,
            })),
          )
        } catch (error) {
          problems.push({ severity: 'fail', message: `the live-host violations file ${path} is unreadable: ${describe(error)}` })
        } finally {
          if (keepAs === null) rmSync(taken, { force: true })
        }
      }
      for (const earlier of followed) if (earlier !== file) consume(earlier, null)
      consume(file, countedViolationsFileOf(file))
      followed.add(file)
      return problems
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
