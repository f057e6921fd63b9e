import { ALPACA_BASE_URL_VARIABLES, checkAlpacaBaseUrl, PAPER_TRADING_BASE_URL, redactUrl } from '../network/index.ts'
import { UsageError } from '../errors.ts'

/**
 * Refuses an environment whose base-URL variables point anywhere but the paper host: such an environment was set up
 * for another broker host, even if this SDK would ignore the variable. Unset or blank variables pass.
 * @throws UsageError naming the variable, its value (user info redacted) and the fix.
 */
export function assertPaperBaseUrlEnv(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of ALPACA_BASE_URL_VARIABLES) {
    const value = env[name]
    if (value === undefined || value.trim() === '') continue
    const check = checkAlpacaBaseUrl(value)
    if (check.ok) continue
    const shown = JSON.stringify(redactUrl(value.trim()))
    throw new UsageError(
      `${name} is ${shown}, which openbell refuses (${check.code}): ${check.reason.replace(JSON.stringify(value), shown)}. ` +
        `Expected unset or ${PAPER_TRADING_BASE_URL} (optionally with /v2). Unset ${name} or set it to ${PAPER_TRADING_BASE_URL}.`,
    )
  }
}
