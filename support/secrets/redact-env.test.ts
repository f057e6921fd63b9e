import { describe, expect, it } from 'vitest'
import { redactEnvValue } from './redact-env.ts'

describe('redactEnvValue', () => {
  it.each([
    { name: 'APCA_API_KEY_ID', redacted: true },
    { name: 'APCA_API_SECRET_KEY', redacted: true },
    { name: 'FIREBASE_KEY', redacted: true },
    { name: 'github_token', redacted: true },
    { name: 'DB_PASSWORD', redacted: true },
    { name: 'LDAP_PASSWD', redacted: true },
    { name: 'GOOGLE_APPLICATION_CREDENTIALS', redacted: true },
    { name: 'SSH_PRIVATE', redacted: true },
    { name: 'ApiKey', redacted: true },
    { name: 'APCA_API_BASE_URL', redacted: false },
    { name: 'TRADING_MODE', redacted: false },
    { name: 'AGENT_MODE', redacted: false },
    { name: 'EXECUTION_HALTED', redacted: false },
  ])('$name → redacted=$redacted', ({ name, redacted }) => {
    expect(redactEnvValue(name, 'v4lue')).toBe(redacted ? '[redacted]' : 'v4lue')
  })
})
