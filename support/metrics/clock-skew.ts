/**
 * How far a time another machine reports may lie in openbell's future and still count as "now": clocks synced by
 * NTP agree to well under a second, so 30 s covers a lagging runner without letting a wrong clock pass. A market-data
 * tick or a metric sample dated further ahead proves nothing about recency: the writer's clock or code is wrong.
 */
export const CLOCK_SKEW_ALLOWANCE_SECONDS = 30
