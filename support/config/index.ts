/**
 * Flags, environment and defaults resolved into one ResolvedConfig.
 *
 * The public surface of support/config/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export {
  type AlpacaCredentials,
  missingAlpacaCredentialVariables,
  readAlpacaCredentials,
} from './alpaca-credentials.ts'
export { isLoopbackHost } from './check-firestore-emulator-host.ts'
export { checkReportsFolder, checkWaiversFile } from './check-io-paths.ts'
export { DEFAULTS } from './defaults.ts'
export { type KubeIdentity, describeKubeIdentity } from './kube-identity.ts'
export { COMMANDS, OPTIONS, type OptionSpec } from './options.ts'
export { parseCli } from './parse-cli.ts'
export { type ResolvedConfig, resolveConfig } from './resolve-config.ts'
export { isAuthorization } from './validators.ts'
export { WATCH_DEFAULTS, type WatchOptions, resolveWatchOptions } from './watch-options.ts'
