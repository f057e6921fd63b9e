/**
 * The run folder: JUnit, Markdown and HTML reports, the signed manifest, history, and `openbell verify`.
 *
 * The public surface of support/report/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { createRunId } from './create-run-id.ts'
export { loadEd25519Key, useManifestSigningKey } from './manifest-signature.ts'
export { OPENBELL_VERSION, describeVersion, readOpenbellCommit } from './openbell-version.ts'
export { scrubRunFolder } from './scrub-run-folder.ts'
export { verifyRunFolder } from './verify/verify-run-folder.ts'
export { writeManifest } from './write-manifest.ts'
export { writeRunReports } from './write-run-reports.ts'
