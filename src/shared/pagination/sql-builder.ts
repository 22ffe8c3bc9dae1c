/** Collects positional parameters while SQL text is assembled, so values never enter the text. */
export class SqlBuilder {
  readonly parameters: unknown[] = [];

  constructor(initialParameters: unknown[] = []) {
    this.parameters.push(...initialParameters);
  }

  /** Adds a parameter and returns its placeholder, with a cast when PostgreSQL cannot infer the type. */
  param(value: unknown, cast?: string): string {
    this.parameters.push(value);
    return `$${this.parameters.length}${cast ? `::${cast}` : ''}`;
  }
}

/** A WHERE condition that adds its own parameters. */
export type Condition = (sql: SqlBuilder) => string;
