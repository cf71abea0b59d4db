/** The one source of time. Nothing in the domain or the use cases reads Date.now(). */
export interface Clock {
  now(): Date;
}
