import { createHash } from 'node:crypto';

/**
 * One SQL statement put together from data-modifying CTEs. Each value gets the next `$n`, and each
 * CTE a name of its own. So the same pieces (events, deadlines, notifications, journal) make a
 * statement alone, inside a transaction, or together with the versioned UPDATE of the case in a
 * single statement.
 */
/** A parameter as written into a statement's text. */
export type ParamRef = string | { toString(): string };

export class SqlStatement {
  readonly values: unknown[] = [];
  private readonly ctes: string[] = [];

  /** A parameter holding `value`: its `$n`. */
  $(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A parameter allocated where it is first written into the text, so a statement never carries
   * one it does not use (PostgreSQL could not tell its type). Renders as `$n::cast`.
   */
  lazy(value: unknown, cast: string): ParamRef {
    let ref: string | undefined;
    return { toString: () => (ref ??= `${this.$(value)}::${cast}`) };
  }

  /** Adds `name AS (body)` and returns the name, `prefix` followed by the CTE's position. */
  with(prefix: string, body: string): string {
    const name = `${prefix}${this.ctes.length}`;
    this.ctes.push(`${name} AS (${body})`);
    return name;
  }

  get isEmpty(): boolean {
    return this.ctes.length === 0;
  }

  text(main = 'SELECT 1'): string {
    return this.ctes.length ? `WITH ${this.ctes.join(',\n')}\n${main}` : main;
  }

  /**
   * Named after its text, so each connection parses and plans each shape of statement once
   * (there are a few dozen: one per combination of pieces a command writes).
   */
  named(main?: string): { name: string; text: string; values: unknown[] } {
    const text = this.text(main);
    return { name: `w-${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: this.values };
  }
}
