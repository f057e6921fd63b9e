/**
 * The `openbell` command line: parsing, help, and one handler per command.
 *
 * The public surface of support/cli/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { type ScenarioSummary, start } from './main.ts'
