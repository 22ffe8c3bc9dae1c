/**
 * Compiled root statements kept per operation and variables, so a request that repeats
 * another's operation with the same variables (a partner site's page, a refreshed
 * explorer view) is not compiled again: compiling costs more than the rest of executing a
 * small read. Operations are the parsed documents Apollo keeps and reuses, so entries go
 * with them; each operation keeps its most recent variable sets, bounded.
 */
import type { OperationDefinitionNode } from 'graphql';
import { canonicalJson } from '../shared/canonical-json';

export interface CompiledStatement {
  text: string;
  parameters: unknown[];
  /** Errors of fields refused while compiling, in the order their markers number them. */
  errors: unknown[];
}

const maximumVariableSetsPerOperation = 1000;
const compiled = new WeakMap<OperationDefinitionNode, Map<string, CompiledStatement>>();

function keyOf(variables: Record<string, unknown>, admin: boolean): string {
  return `${admin ? 'admin' : 'reader'}:${canonicalJson(variables)}`;
}

export function compiledStatementFor(operation: OperationDefinitionNode, variables: Record<string, unknown>, admin: boolean): CompiledStatement | undefined {
  return compiled.get(operation)?.get(keyOf(variables, admin));
}

export function keepCompiledStatement(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  admin: boolean,
  statement: CompiledStatement,
): void {
  let byVariables = compiled.get(operation);
  if (!byVariables) {
    byVariables = new Map();
    compiled.set(operation, byVariables);
  }
  if (byVariables.size >= maximumVariableSetsPerOperation) byVariables.delete(byVariables.keys().next().value!);
  byVariables.set(keyOf(variables, admin), statement);
}
