/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]'

/** Names of variables whose values are secrets: keys, tokens, secrets, passwords, credentials, private material. */
export const SECRET_NAME_PATTERN = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE)/i

/** Whether a variable's name says its value is a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME_PATTERN.test(name)
}

/**
 * The value to show for an environment variable: `"[redacted]"` when its name says it is a secret, else the value.
 * @note it errs towards redacting (`MONKEY_MODE` is redacted too): a report must never carry a key.
 * @example redactEnvValue('APCA_API_SECRET_KEY', 'abc') // '[redacted]'
 */
export function redactEnvValue(name: string, value: string): string {
  return isSecretName(name) ? REDACTED : value
}
