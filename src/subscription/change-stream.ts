/**
 * One subscription's events: the changes the follower hands over, queued (boundedly) and
 * turned into what the subscription yields. A subscriber that does not keep up (a client
 * that never reads) overflows its queue: the subscription ends with an error and its
 * connection is closed, so memory stays bounded and the server keeps serving others.
 */
import type { GraphQLError } from 'graphql';
import type { StoredChange } from '../change/change-feed.service';
import type { RecordChangeFollower } from './record-change-follower';
import { codedError, ErrorCode } from '../shared/error-codes';

export const maximumQueuedChanges = 1000;

function overflowError(): GraphQLError {
  return codedError(
    ErrorCode.SUBSCRIBER_TOO_SLOW,
    `The subscriber fell more than ${maximumQueuedChanges} changes behind; subscribe again and catch up with the change feed`,
  );
}

export function changeStream<T>(
  follower: RecordChangeFollower,
  select: (change: StoredChange) => Promise<T | null> | T | null,
  onOverflow: () => void,
): AsyncIterableIterator<T> {
  const queue: StoredChange[] = [];
  let waiting: (() => void) | undefined;
  let failure: GraphQLError | undefined;
  let finished = false;
  const stopListening = follower.listen((change) => {
    if (finished) return;
    if (queue.length >= maximumQueuedChanges) {
      failure = overflowError();
      stopListening();
      onOverflow();
    } else {
      queue.push(change);
    }
    waiting?.();
  });
  const finish = () => {
    finished = true;
    queue.length = 0;
    stopListening();
    waiting?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        if (failure) {
          const error = failure;
          finish();
          throw error;
        }
        if (finished) return { done: true, value: undefined };
        const change = queue.shift();
        if (!change) {
          await new Promise<void>((resolve) => (waiting = resolve));
          waiting = undefined;
          continue;
        }
        const selected = await select(change);
        if (selected !== null) return { done: false, value: selected };
      }
    },
    async return(): Promise<IteratorResult<T>> {
      finish();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<T>> {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
