/** A metric name of the text format: `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
export const METRIC_NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/

/** A label name of the text format: `[a-zA-Z_][a-zA-Z0-9_]*`. */
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** The longest metric name at the start of a string. */
export const METRIC_NAME_PREFIX = /^[a-zA-Z_:][a-zA-Z0-9_:]*/

/** The longest label name at the start of a string. */
export const LABEL_NAME_PREFIX = /^[a-zA-Z_][a-zA-Z0-9_]*/

/** Whether a string is a valid metric name. */
export function isMetricName(name: string): boolean {
  return METRIC_NAME_PATTERN.test(name)
}

/** Whether a string is a valid label name. */
export function isLabelName(name: string): boolean {
  return LABEL_NAME_PATTERN.test(name)
}

/** Shows a found token in a message: JSON-quoted, cut after 60 characters. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text
  return JSON.stringify(shown)
}
