/** The variables the Alpaca keys are read from (the SDK's and AgentTrader's names). */
export const ALPACA_CREDENTIAL_VARIABLES = Object.freeze({ keyId: 'APCA_API_KEY_ID', secret: 'APCA_API_SECRET_KEY' })

/** An Alpaca API key pair. Never logged, never written to a report. */
export interface AlpacaCredentials {
  /** Sent as `APCA-API-KEY-ID`. */
  keyId: string
  /** Sent as `APCA-API-SECRET-KEY`. */
  secret: string
}

/** Reads the Alpaca key pair from an environment; `null` unless both are set and not blank. */
export function readAlpacaCredentials(env: Readonly<Record<string, string | undefined>>): AlpacaCredentials | null {
  const keyId = env[ALPACA_CREDENTIAL_VARIABLES.keyId]
  const secret = env[ALPACA_CREDENTIAL_VARIABLES.secret]
  if (isBlank(keyId) || isBlank(secret)) return null
  return { keyId, secret }
}

/** The names (never the values) of the credential variables that are missing or blank. */
export function missingAlpacaCredentialVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.values(ALPACA_CREDENTIAL_VARIABLES).filter((name) => isBlank(env[name]))
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === ''
}
