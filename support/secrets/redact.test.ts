import { describe, expect, it } from 'vitest'
import { knownSecretValues, redactText, redactValue } from './redact.ts'

describe('redactValue', () => {
  it('redacts Kubernetes env entries named like secrets, and keeps references', () => {
    const container = {
      env: [
        { name: 'APCA_API_SECRET_KEY', value: 'sk-live-canary' },
        { name: 'TRADING_MODE', value: 'paper' },
        { name: 'APCA_API_KEY_ID', valueFrom: { secretKeyRef: { name: 'trader-secrets', key: 'APCA_API_KEY_ID' } } },
      ],
    }
    expect(redactValue(container, [])).toEqual({
      env: [
        { name: 'APCA_API_SECRET_KEY', value: '[redacted]' },
        { name: 'TRADING_MODE', value: 'paper' },
        { name: 'APCA_API_KEY_ID', valueFrom: { secretKeyRef: { name: 'trader-secrets', key: 'APCA_API_KEY_ID' } } },
      ],
    })
  })

  it('redacts fields named like secrets and known secret values anywhere', () => {
    expect(redactValue({ token: 'abc', note: 'bearer CANARY-123456 sent' }, ['CANARY-123456'])).toEqual({
      token: '[redacted]',
      note: 'bearer [redacted] sent',
    })
  })
})

describe('knownSecretValues', () => {
  it('collects values of secret-named variables of six characters or more, longest first', () => {
    const known = knownSecretValues({ APCA_API_SECRET_KEY: 'abcdef', GITHUB_TOKEN: 'abcdefgh', PATH: '/usr/bin', FLAG_KEY: '1' }, null)
    expect(known.filter((value) => /^abc/.test(value))).toEqual(['abcdefgh', 'abcdef'])
    expect(known).not.toContain('1')
    expect(known).not.toContain('/usr/bin')
  })

  it('feeds redactText', () => {
    expect(redactText('key=abcdefgh', knownSecretValues({ X_TOKEN: 'abcdefgh' }, null))).toBe('key=[redacted]')
  })
})
