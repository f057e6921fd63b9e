import { trading, type Alpaca } from '@alpacahq/alpaca-trade-api'
import { OpenbellError } from '../errors.ts'
import { installNetworkGuard } from '../guard/index.ts'
import { LIVE_TRADING_HOST, PAPER_TRADING_BASE_URL } from '../network/index.ts'
import type { LiveBrokerAttempt } from './live-broker-refusal.ts'
import { BrokerHostRefusedError, createPaperAlpacaClient } from './alpaca-client.ts'
import type { FetchLike } from './alpaca-paper-only-middleware.ts'

/** The live trading origin the probe aims at. */
export const LIVE_TRADING_ORIGIN = `https://${LIVE_TRADING_HOST}`

/**
 * The key pair the probe's clients carry: not a real key, so even a request that escaped every layer would
 * authenticate as nobody.
 */
export const PROBE_CREDENTIALS = Object.freeze({ keyId: 'PKOPENBELLPROBE0000', secret: 'openbell-live-host-probe-not-a-secret' })

type Route = LiveBrokerAttempt['route']

/**
 * Tries to reach `GET https://api.alpaca.markets/v2/account` through openbell's own Alpaca client, two ways: the
 * client's configuration re-aimed at the live host (its pre-middleware must refuse), and a request rewritten to the
 * live host after that middleware (its `fetch` wrapper must refuse). Each attempt counts the calls to the `fetch`
 * under the client and the violations the live-host guard records meanwhile; the guard is held open for the probe,
 * so a request that got past the client would still never leave the process.
 */
export async function probeLiveBrokerRefusal(): Promise<LiveBrokerAttempt[]> {
  const guard = installNetworkGuard({ onViolation: () => undefined })
  try {
    const attempts: LiveBrokerAttempt[] = []
    for (const route of ['client-configured-for-live-host', 'request-rewritten-to-live-host'] as const satisfies Route[]) {
      attempts.push(await attempt(route, () => guard.violations().length))
    }
    return attempts
  } finally {
    guard.close()
  }
}

async function attempt(route: Route, countViolations: () => number): Promise<LiveBrokerAttempt> {
  let fetchCalls = 0
  // @note delegate to the global fetch, which the guard intercepts: an escaped request is then refused and counted.
  const countingFetch: FetchLike = (url, init) => {
    fetchCalls += 1
    return globalThis.fetch(url, init)
  }
  const client = createPaperAlpacaClient({ ...PROBE_CREDENTIALS, env: {}, fetch: countingFetch })
  const account = route === 'client-configured-for-live-host' ? aimAtLiveHost(client) : rewriteToLiveHost(client)
  const before = countViolations()
  const result: Pick<LiveBrokerAttempt, 'outcome' | 'error'> = await account.getAccount().then(
    () => ({ outcome: 'answered', error: null }),
    (error: unknown) => ({
      outcome: error instanceof BrokerHostRefusedError ? 'refused' : 'failed',
      error: error instanceof Error ? { name: error.name, message: error.message.split('\n')[0] ?? '' } : { name: typeof error, message: String(error) },
    }),
  )
  return { route, request: `GET ${LIVE_TRADING_ORIGIN}/v2/account`, ...result, fetchCalls, guardViolations: countViolations() - before }
}

/**
 * The client's own account API, with the same configuration (keys, middleware, fetch) but the live host as base path.
 * @note the SDK keeps the parameters on protected fields; read them structurally so an upgrade that moves them fails here.
 */
function aimAtLiveHost(client: Alpaca): trading.AccountsApi {
  const api = client.trading.account as unknown as { configuration?: { configuration?: trading.ConfigurationParameters } }
  const parameters = api.configuration?.configuration
  if (parameters?.middleware === undefined || parameters.fetchApi === undefined) {
    throw new OpenbellError(
      "cannot read the configuration of openbell's Alpaca client to aim it at the live host (SDK internals moved?). " +
        'Check the installed @alpacahq/alpaca-trade-api version (openbell pins 4.0.2).',
    )
  }
  return new trading.AccountsApi(new trading.Configuration({ ...parameters, basePath: LIVE_TRADING_ORIGIN }))
}

/** The client's account API with a pre-middleware, run after openbell's, that rewrites each request to the live host. */
function rewriteToLiveHost(client: Alpaca): trading.AccountsApi {
  return client.trading.account.withPreMiddleware(async ({ url, init }) => ({ url: url.replace(PAPER_TRADING_BASE_URL, LIVE_TRADING_ORIGIN), init }))
}
