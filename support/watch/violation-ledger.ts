import { readViolationsFrom } from '../network/append-violation-to.ts'
import type { RunProblem } from '../verdict/compute-verdict.ts'

/** Counts, across a watch's evaluations, every attempt to reach the live broker host, once. */
export interface ViolationLedger {
  /**
   * The attempts not counted yet, as failed-run problems: those in `file` (this evaluation's) and those appended since
   * to the files of earlier evaluations. `file` is followed from now on.
   */
  collect(file: string): RunProblem[]
}

/**
 * A single run reads its violations file after vitest has closed and its spec worker is gone, so no attempt escapes
 * the verdict. A watch keeps its worker: an attempt made after an evaluation's verdict (un-awaited work of a check) is
 * appended to that evaluation's file until the next evaluation hands the worker its own context, and may recreate a
 * file whose folder was removed. So each verdict counts its own file and whatever arrived in the earlier ones since
 * they were last read: every attempt made up to a verdict is in that verdict or an earlier one.
 * @note every file is kept: a worker writes to the file of the last context it received, which is not always the
 * evaluation just before (one that failed before its setup ran left the worker on the older one); a check is one
 * `stat` of a missing file, negligible even over a whole session.
 */
export function createViolationLedger(): ViolationLedger {
  const counted = new Map<string, number>()
  return {
    collect(file) {
      if (!counted.has(file)) counted.set(file, 0)
      const problems: RunProblem[] = []
      for (const [followed, seen] of counted) {
        let violations
        try {
          violations = readViolationsFrom(followed)
        } catch (error) {
          problems.push({ severity: 'fail', message: `the live-host violations file ${followed} is unreadable: ${error instanceof Error ? error.message : String(error)}` })
          continue
        }
        // @note fewer lines than counted: the file was removed with its folder and written again; all of it is new.
        const fresh = violations.length >= seen ? violations.slice(seen) : violations
        counted.set(followed, violations.length)
        const late = followed !== file
        problems.push(
          ...fresh.map((violation) => ({
            severity: 'fail' as const,
            message: `a request to the live broker host was attempted and refused${late ? ' (after an earlier evaluation was decided)' : ''}: ${violation.method} ${violation.url}`,
          })),
        )
      }
      return problems
    },
  }
}
