/** `T` with every property, array and nested object read-only, as {@link deepFreeze} makes it at run time. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
      : T

/**
 * Freezes a plain value and everything it holds (objects and arrays, however deep), then returns it typed read-only.
 * @note `Object.freeze` alone is shallow: a nested object of a frozen one could still be edited in place.
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const nested of Object.values(value)) deepFreeze(nested)
  }
  return value as DeepReadonly<T>
}
