import { CouldNotCheckError } from '../errors.ts'

/** What {@link ExpositionParseError} reports: where, what was found, and what was expected. */
export interface ExpositionParseProblem {
  /** The 1-based line number. */
  readonly line: number
  /** What the parser found, e.g. `"banana"`. */
  readonly found: string
  /** What it expected instead, e.g. `a float value`. */
  readonly expected: string
}

/**
 * A metrics body is not valid Prometheus text; the gate could not read it, so it is a could-not-check error.
 * @example
 * // [openbell] The metrics text is malformed at line 3: found "banana", expected a float value (…). Check …
 */
export class ExpositionParseError extends CouldNotCheckError implements ExpositionParseProblem {
  readonly line: number
  readonly found: string
  readonly expected: string

  constructor(problem: ExpositionParseProblem) {
    super(
      `The metrics text is malformed at line ${problem.line}: found ${problem.found}, expected ${problem.expected}. ` +
        'Check the body with `promtool check metrics` and fix the exporter that wrote it.',
    )
    this.line = problem.line
    this.found = problem.found
    this.expected = problem.expected
  }
}
