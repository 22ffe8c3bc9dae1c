/**
 * Preloaded into the server by `npm run soak` (`node --expose-gc --require …`): on each
 * "memory" message from the soak run, collects garbage and answers with the process's
 * memory, so that the heap figure is what the server really keeps, not what the
 * collector has yet to free.
 */
if (process.send) {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    process.send!({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external });
  });
  // The channel must not keep the server alive once it has decided to stop.
  process.channel?.unref();
}

export {};
