/**
 * Validation rules that count what an operation's text asks for: aliases and
 * directives. They run with GraphQL's own validation, before execution, and report
 * one error naming the limit and the figures. (Apollo reports validation errors as
 * GRAPHQL_VALIDATION_FAILED; `restoreLimitError` gives them back the code and figures
 * every limit error has.)
 */
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { limitExceeded } from './query-limits';

export const limitExtensionKey = 'briefgraphLimit';

function countingRule(limit: string, noun: string, maximum: number, counts: (visit: () => void) => ASTVisitor): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    const visitor = counts(() => {
      count++;
    });
    return {
      ...visitor,
      Document: {
        leave() {
          if (count > maximum) {
            context.reportError(
              limitExceeded(`The document has ${count} ${noun}, over the limit of ${maximum} (by ${count - maximum}).`, limit, maximum, count, {
                [limitExtensionKey]: true,
              }),
            );
          }
        },
      },
    };
  };
}

/** Aliases multiply the work of one field without making the document deeper. */
export function aliasLimitRule(maximum: number): ValidationRule {
  return countingRule('aliases', 'aliases', maximum, (count) => ({
    Field(node) {
      if (node.alias) count();
    },
  }));
}

/** Directives (`@include`, `@skip`, …) cost validation and execution work each. */
export function directiveLimitRule(maximum: number): ValidationRule {
  return countingRule('directives', 'directives', maximum, (count) => ({
    Directive() {
      count();
    },
  }));
}

/** The limit error a validation rule reported, with its own code and figures again. */
export function restoreLimitError<Formatted extends { extensions?: Record<string, unknown> }>(formatted: Formatted, error: unknown): Formatted {
  const original = (error as { originalError?: unknown })?.originalError;
  if (!(original instanceof GraphQLError) || !original.extensions[limitExtensionKey]) return formatted;
  const { [limitExtensionKey]: _marker, http: _http, ...extensions } = original.extensions;
  return { ...formatted, extensions };
}
