import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import { currentStatementScope } from '../database/statement-counter';

/** Reports the SQL statements a request issued, for benchmarks, tests and operators. */
export function statementCountPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const scope = currentStatementScope();
          if (scope) response.http.headers.set('x-sql-statements', String(scope.statements));
        },
      };
    },
  };
}
