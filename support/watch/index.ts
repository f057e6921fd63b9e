/**
 * TODO: say in one line what support/watch/ holds.
 *
 * The public surface of support/watch/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { createHaltOnFail } from './halt-on-fail.ts'
export { type Notification } from './notifier.ts'
export { runWatch } from './run-watch.ts'
