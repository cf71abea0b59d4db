declare const carries: unique symbol;

/**
 * A dependency-injection token that names the type it stands for, so a provider list with two
 * dependencies swapped fails to compile instead of failing at run time.
 */
export type Token<T> = symbol & { readonly [carries]?: (value: T) => T };

export function token<T>(name: string): Token<T> {
  return Symbol(name) as Token<T>;
}
