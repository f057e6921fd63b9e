import type { Exposition } from './exposition.ts'
import { parseExposition } from './parse-exposition.ts'
import { parseOpenMetrics } from './parse-openmetrics.ts'

/** The exposition formats Prometheus parses a text scrape with. */
export type ScrapeFormat = 'prometheus-text' | 'openmetrics'

/** The OpenMetrics media type; Prometheus picks its OpenMetrics parser for it, whatever the `version` parameter. */
export const OPENMETRICS_MEDIA_TYPE = 'application/openmetrics-text'

/**
 * The parser Prometheus uses for a scrape served with this `Content-Type`: OpenMetrics for
 * `application/openmetrics-text` (`version=1.0.0` or `0.0.1`), the text format 0.0.4 for anything else
 * (whether Prometheus accepts that content type at all is `judgeMetricsContentType`'s question).
 */
export function scrapeFormatOf(contentType: string | null | undefined): ScrapeFormat {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  return media === OPENMETRICS_MEDIA_TYPE ? 'openmetrics' : 'prometheus-text'
}

/**
 * Parses a scrape as Prometheus would: the parser is chosen by the `Content-Type`, so a Prometheus-text body served
 * as OpenMetrics (no `# EOF`, counters without `_total` samples) is rejected as Prometheus rejects it.
 * @throws {ExpositionParseError} when the body breaks the chosen format.
 * @example parseScrape(body, 'application/openmetrics-text; version=1.0.0; charset=utf-8')
 */
export function parseScrape(body: string, contentType: string | null | undefined): { format: ScrapeFormat; exposition: Exposition } {
  const format = scrapeFormatOf(contentType)
  return { format, exposition: format === 'openmetrics' ? parseOpenMetrics(body) : parseExposition(body) }
}
