/** What a view shows while its data loads, when the request failed, or when the record does not exist. */
import type { CombinedError } from 'urql';
import { Link } from 'wouter';
import { PageTitle } from './page-title';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function RequestError({ error }: { error: CombinedError }) {
  const message = error.networkError
    ? `The server could not be reached (${error.networkError.message}).`
    : error.graphQLErrors.map((graphQLError) => graphQLError.message).join(' ');
  return (
    <div className="error" role="alert">
      <p>Something went wrong: {message}</p>
    </div>
  );
}

export function NotFound({ what }: { what: string }) {
  return (
    <>
      <PageTitle title="Not found">Not found</PageTitle>
      <p>
        There is no {what} here. <Link href="/">Search the knowledge base</Link> instead.
      </p>
    </>
  );
}
