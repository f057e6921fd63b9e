import { ApiError, type Alpaca } from '@alpacahq/alpaca-trade-api'
import { CouldNotCheckError, OpenbellError } from '../errors.ts'
import { PAPER_TRADING_BASE_URL } from '../network/index.ts'
import type { PaperAccountSnapshot } from './paper-account.ts'

/** The request {@link readPaperAccount} makes. */
export const PAPER_ACCOUNT_REQUEST = `GET ${PAPER_TRADING_BASE_URL}/v2/account`

/**
 * Reads the paper account (`GET /v2/account`) through openbell's paper-only client and keeps the fields that say
 * whether it can trade; ids and balances stay out of the evidence.
 * @throws CouldNotCheckError when the paper API answers an error status (401: wrong key pair) or cannot be reached.
 */
export async function readPaperAccount(client: Alpaca): Promise<PaperAccountSnapshot> {
  try {
    const account = await client.trading.account.getAccount()
    return {
      status: String(account.status),
      currency: account.currency ?? null,
      accountBlocked: account.accountBlocked ?? null,
      tradingBlocked: account.tradingBlocked ?? null,
      tradeSuspendedByUser: account.tradeSuspendedByUser ?? null,
    }
  } catch (error) {
    // @note openbell's own refusals (a host other than paper) are bugs to surface as themselves, not network trouble.
    if (error instanceof OpenbellError) throw error
    if (error instanceof ApiError) {
      const hint = error.status === 401 || error.status === 403 ? '; check that APCA_API_KEY_ID and APCA_API_SECRET_KEY are a paper key pair' : ''
      throw new CouldNotCheckError(`${PAPER_ACCOUNT_REQUEST} answered HTTP ${error.status} (${firstLine(error.message)})${hint}`, { cause: error })
    }
    throw new CouldNotCheckError(`${PAPER_ACCOUNT_REQUEST} failed: ${firstLine(error instanceof Error ? error.message : String(error))}`, { cause: error })
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
