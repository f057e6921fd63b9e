/** One scrubber for everything openbell writes or prints: the registry of known secrets and what feeds it. */
export { MIN_SECRET_LENGTH, createSecretRegistry, registerSecret, secretRegistry, type SecretRegistry } from './secret-registry.ts'
export { echoedForms } from './echoed-forms.ts'
export { receiveSharedSecret, shareSecretsWithRunner, withoutSharedSecrets, type RunnerChannel } from './share-secrets.ts'
export { registerKubeConfigSecrets } from './register-kube-config-secrets.ts'
export { registerNotifyUrl, registerUrlUserinfo, withoutUserinfo } from './url-secrets.ts'
export { escapeControls } from './escape-controls.ts'
export { REDACTED, isSecretName, redactEnvValue } from './redact-env.ts'
export { redactText, redactValue, screenOutput } from './redact.ts'
