/**
 * The checks of gate `data-seeded`, by stable id, with the words an operator reads. The spec and `openbell seed`'s
 * read-back use the same ids; waivers and reports depend on them, so change them only through an issue.
 */
export const DATA_SEEDED_CHECKS = Object.freeze({
  'sentiment-sectors': 'the Sentiment Heatmap holds exactly the 11 sector documents, each well-formed',
  'whale-flow-trades': "the Whale Flow query returns trades with the fields the UI reads",
  'whale-flow-fresh': 'the newest Whale Flow trade is recent (--max-trade-age)',
  'golden-sweep': "at least one Whale Flow trade is a Golden Sweep by the UI's rule",
  'gex-overlay-document': 'ops/system_status holds the GEX overlay fields',
  'gex-overlay-fresh': 'the GEX overlay in ops/system_status is recent (--max-gex-age)',
  'gex-overlay-first': "the UI's ops query returns system_status first by document id",
} as const)

/** A check id of gate `data-seeded`, e.g. `golden-sweep`. */
export type DataSeededCheckId = keyof typeof DATA_SEEDED_CHECKS

/** The check ids of gate `data-seeded`, in the order the spec runs them. */
export const DATA_SEEDED_CHECK_IDS = Object.freeze(Object.keys(DATA_SEEDED_CHECKS) as DataSeededCheckId[])
