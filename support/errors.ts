import { redactText } from './secrets/index.ts'

/** The prefix of every message openbell prints about itself. */
export const MESSAGE_PREFIX = '[openbell]'

/** Formats one of openbell's own messages: `[openbell] <message>`. */
export function formatMessage(message: string): string {
  return `${MESSAGE_PREFIX} ${message}`
}

/** The first line of what an error says: how a reason quotes an error. */
export function firstLineOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error)
}

/** The base class of openbell's own errors; never an assertion failure. */
export class OpenbellError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    // @note scrubbed where it is made: a message can quote what a server echoed (a token in a Status message), and
    // it travels from a spec worker to reasons, reports and the console.
    super(formatMessage(redactText(message)), options)
    this.name = new.target.name
  }
}

/**
 * A flag, value or command was wrong. Exits with code 2 and writes nothing.
 * @example throw new UsageError('--namespace "Trading_Floor" is not a DNS-1123 label; use lower-case letters, digits and "-".')
 */
export class UsageError extends OpenbellError {}

/**
 * A check could not look: the API answered 403, timed out, was down, or sent something unreadable.
 * The check becomes `unverified`, never `pass` and never `fail`.
 */
export class CouldNotCheckError extends OpenbellError {}

/** Whether an error says a check could not look (as opposed to having found a fault). */
export function isCouldNotCheck(error: unknown): error is CouldNotCheckError {
  return error instanceof CouldNotCheckError
}
