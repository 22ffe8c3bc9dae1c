/**
 * Text a client sends must be text PostgreSQL can compare and store: no NUL character
 * (U+0000, which PostgreSQL's text types cannot hold, so a lookup by it failed as an
 * internal error) and no lone surrogate (half of a UTF-16 pair, which is no character
 * at all and was silently stored as U+FFFD). Both are refused where they enter, with
 * the variable path or argument named: variables before GraphQL (with their nesting
 * bounded, so a deeply nested value cannot overflow the stack of whatever walks it
 * later), literals in the document by a validation rule.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { limitExtensionKey } from '../shared/query-limits-rules';
import { ErrorCode } from '../shared/error-codes';
import { textProblem } from '../shared/value-rules';

/** Deeper than any input of this schema (filters nest a few levels); deeper values are refused unread. */
export const maximumVariablesDepth = 32;

export interface VariablesProblem {
  code: ErrorCode.VARIABLES_TOO_DEEP | ErrorCode.BAD_USER_INPUT;
  message: string;
}

/** The first problem of a request's variables: nested too deep, or a string (or key) that is not text. Iterative: never recurses. */
export function variablesProblem(variables: unknown): VariablesProblem | undefined {
  if (variables === null || typeof variables !== 'object') return undefined;
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: variables, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { code: ErrorCode.BAD_USER_INPUT, message: `Variable "$${path}" ${problem}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maximumVariablesDepth) {
      return {
        code: ErrorCode.VARIABLES_TOO_DEEP,
        message: `The variables are nested more than ${maximumVariablesDepth} levels deep (at "$${path.length > 40 ? `${path.slice(0, 40)}…` : path}"); no input of this API nests that deep`,
      };
    }
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { code: ErrorCode.BAD_USER_INPUT, message: `A key of variable "$${path || '(variables)'}" ${keyProblem}` };
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses string literals in the document that are not text, naming the argument (reported as BAD_USER_INPUT). */
export const textLiteralRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  StringValue(node, _key, parent, _path, ancestors) {
    const problem = textProblem(node.value);
    if (!problem) return;
    const argument = [...ancestors, parent].reverse().find((ancestor) => (ancestor as { kind?: string }).kind === 'Argument') as
      { name: { value: string } } | undefined;
    const where = argument ? `The argument "${argument.name.value}"` : 'A string in the document';
    context.reportError(
      new GraphQLError(`${where} ${problem}`, {
        nodes: node,
        extensions: { code: ErrorCode.BAD_USER_INPUT, [limitExtensionKey]: true, http: { status: 400 } },
      }),
    );
  },
});
