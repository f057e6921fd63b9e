/**
 * The live-host guard (msw): installed in every process and thread that may make a request, it refuses each one to
 * Alpaca's live broker host before it leaves, and reports it. Its own domain because it loads msw; the rules and the
 * violation records it uses are `network/`'s, which loads none.
 */
export { installNetworkGuard, type NetworkGuard, type NetworkGuardOptions } from './install-network-guard.ts'
