/**
 * Where a server's time goes within each request, measured from inside its process: loaded
 * with `node -r dist/src/benchmark/request-timeline.js` into Briefgraph or the floor by
 * `npm run bench -- --timeline`. For each POST it notes when the request reached the
 * server's handler, when the first SQL statement was handed to pg, when PostgreSQL's
 * answer arrived on the socket, when pg gave it back, and when the response was ended;
 * and how much of the wait for PostgreSQL the process spent running rather than idle.
 * On SIGUSR2 it writes the medians of the requests seen since the last signal to the
 * file REQUEST_TIMELINE_FILE names, and starts again.
 *
 * It wraps node:http, node:net and pg's Client where the process loads them, so it
 * assumes one request at a time (the one-client latency runs): with several in flight,
 * a statement would be credited to whichever request arrived last.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { median } from './statistics';

interface RequestTimes {
  /** When the server's request handler was called (performance.now()). */
  arrived: number;
  statementSent?: number;
  /** Event-loop active time (ms) when the statement was sent, to tell work from waiting. */
  activeAtSend?: number;
  answerReceived?: number;
  activeWhileWaiting?: number;
  answerParsed?: number;
  ended?: number;
  /** How long `end()` took: the answer's headers put together and written to the socket. */
  ending?: number;
  /** Event-loop active time (ms) between the previous response's end and this request's handler. */
  activeSincePreviousEnd?: number;
}

export interface TimelineMedians {
  requests: number;
  /** Handler called → first statement handed to pg. */
  beforeStatement: number;
  /** Statement handed to pg → PostgreSQL's first bytes read from the socket. */
  waitingForDatabase: number;
  /** Of that wait, the time the event loop was running (the rest it was idle). */
  runningWhileWaiting: number;
  /** First bytes read → pg's result handed back. */
  readingAnswer: number;
  /** Result handed back → response ended. */
  afterStatement: number;
  /** Handler called → response ended. */
  inServer: number;
  /** Within `end()`: the headers put together and the answer written to the socket. */
  ending: number;
  /**
   * Event-loop running time between a response's end and the next request's handler: the
   * work left after answering (the answer's write, 'finish' listeners, logs and metrics)
   * and the parsing of the next request, which waits for it.
   */
  runningBetweenRequests: number;
}

let current: RequestTimes | undefined;
/** Event-loop active time when the last response was ended. */
let activeAtLastEnd: number | undefined;
let finished: RequestTimes[] = [];
const databasePorts = new Set<number>();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request' && (args[0] as http.IncomingMessage).method === 'POST') {
    const active = performance.eventLoopUtilization().active;
    current = { arrived: performance.now(), activeSincePreviousEnd: activeAtLastEnd === undefined ? undefined : active - activeAtLastEnd };
    (args[1] as http.ServerResponse & { timeline?: RequestTimes }).timeline = current;
  }
  return (emit as (this: http.Server, ...values: unknown[]) => boolean).call(this, event, ...args);
} as typeof emit;

const end = http.ServerResponse.prototype.end;
http.ServerResponse.prototype.end = function (this: http.ServerResponse & { timeline?: RequestTimes }, ...args: unknown[]) {
  const times = this.timeline;
  if (!times || times.ended !== undefined) return end.apply(this, args as Parameters<typeof end>);
  times.ended = performance.now();
  const result = end.apply(this, args as Parameters<typeof end>);
  times.ending = performance.now() - times.ended;
  activeAtLastEnd = performance.eventLoopUtilization().active;
  finished.push(times);
  return result;
} as typeof end;

const socketEmit = net.Socket.prototype.emit;
net.Socket.prototype.emit = function (this: net.Socket, event: string | symbol, ...args: unknown[]): boolean {
  const times = current;
  if (event === 'data' && times?.statementSent !== undefined && times.answerReceived === undefined && databasePorts.has(this.remotePort ?? -1)) {
    times.answerReceived = performance.now();
    times.activeWhileWaiting = performance.eventLoopUtilization().active - times.activeAtSend!;
  }
  return (socketEmit as (this: net.Socket, ...values: unknown[]) => boolean).call(this, event, ...args);
} as typeof socketEmit;

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client & { port: number }, ...args: unknown[]) {
  const times = current;
  if (times && times.statementSent === undefined) {
    databasePorts.add(this.port);
    times.activeAtSend = performance.eventLoopUtilization().active;
    times.statementSent = performance.now();
  }
  const parsed = () => {
    if (times && times.answerParsed === undefined) times.answerParsed = performance.now();
  };
  // The callback form (pg.Pool#query) and the promise form (Briefgraph's reads).
  const callback = args[args.length - 1];
  if (typeof callback === 'function') {
    args[args.length - 1] = function (this: unknown, ...results: unknown[]) {
      parsed();
      return (callback as (...values: unknown[]) => unknown).apply(this, results);
    };
  }
  const result = (query as (...values: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) result.then(parsed, () => undefined);
  return result;
} as typeof query;

export function timelineMedians(requests: RequestTimes[]): TimelineMedians {
  const of = (measure: (times: RequestTimes) => number | undefined) => median(requests.map((times) => measure(times) ?? NaN));
  return {
    requests: requests.length,
    beforeStatement: of((times) => times.statementSent! - times.arrived),
    waitingForDatabase: of((times) => times.answerReceived! - times.statementSent!),
    runningWhileWaiting: of((times) => times.activeWhileWaiting),
    readingAnswer: of((times) => times.answerParsed! - times.answerReceived!),
    afterStatement: of((times) => times.ended! - times.answerParsed!),
    inServer: of((times) => times.ended! - times.arrived),
    ending: of((times) => times.ending),
    runningBetweenRequests: of((times) => times.activeSincePreviousEnd),
  };
}

process.on('SIGUSR2', () => {
  const requests = finished;
  finished = [];
  const file = process.env.REQUEST_TIMELINE_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(timelineMedians(requests)));
});
