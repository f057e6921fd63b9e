import { CouldNotCheckError } from '../errors.ts'

/**
 * Runs a finder over objects read from the API server, turning a type surprise it did not foresee (a field that is
 * a number where Kubernetes defines a string, an object where it defines a list) into a could-not-check with a clear
 * reason, as a client does when it cannot read an answer: the check is then unverified, never a crash reported as an error.
 * @example const findings = findInObservedObjects('the posture rules', () => findPostureViolations(observation))
 */
export function findInObservedObjects<T>(what: string, find: () => T): T {
  try {
    return find()
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    throw new CouldNotCheckError(
      `${what} could not read the objects the API server returned: they are not shaped as Kubernetes defines them ` +
        `(${error.message.split('\n')[0]}); look at workloads.json and configmaps.json in the evidence`,
      { cause: error },
    )
  }
}
