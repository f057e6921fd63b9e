import { CouldNotCheckError } from '../errors.ts'

/**
 * Runs a rule over objects read from the API server, turning a type surprise the rule did not foresee (a field that
 * is a number where Kubernetes defines a string, an object where it defines a list) into a could-not-check with a
 * clear reason: the check is then unverified, never a crash reported as an error.
 * @example const findings = judgeObservedObjects('the posture rules', () => findPostureViolations(observation))
 */
export function judgeObservedObjects<T>(what: string, judge: () => T): T {
  try {
    return judge()
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    throw new CouldNotCheckError(
      `${what} could not read the objects the API server returned: they are not shaped as Kubernetes defines them ` +
        `(${error.message.split('\n')[0]}); look at workloads.json and configmaps.json in the evidence`,
      { cause: error },
    )
  }
}
