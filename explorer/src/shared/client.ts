/**
 * The explorer's GraphQL client: the public /graphql endpoint, through a normalised cache, so a
 * record fetched on one page is shown at once on the next. POST, because the server's CSRF
 * protection refuses simple GET requests (docs: STACK.md pitfall 14).
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import shape from 'virtual:schema-shape';

const embedded = Object.fromEntries(shape.embeddedTypes.map((name) => [name, () => null]));

export function createExplorerClient(url = '/graphql'): Client {
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    exchanges: [
      cacheExchange({
        possibleTypes: shape.possibleTypes,
        keys: embedded,
      }),
      fetchExchange,
    ],
  });
}
