/**
 * A steady stream of reads and writes against a running server, from a few concurrent
 * clients, recording every answer (or the network error instead of one). Each request
 * opens a connection of its own, so that a refused connection and a dropped request
 * can be told apart.
 */
import http from 'node:http';
import type { ResponseBody } from './test-server';

export interface Answer {
  kind: 'read' | 'write';
  startedAt: number;
  milliseconds: number;
  /** HTTP status; undefined when no answer came (see networkError). */
  status?: number;
  /** The first error's extensions.code, if any. */
  code?: string;
  /** ECONNREFUSED, ECONNRESET, CLIENT_TIMEOUT…: why no answer came. */
  networkError?: string;
  /** For writes: the slug written, and whether the server said it was written. */
  slug?: string;
  acknowledged?: boolean;
}

export interface PostResult {
  status?: number;
  /** The parsed JSON answer, or its text when it is not JSON. */
  body?: ResponseBody | string;
  networkError?: string;
}

/** POSTs a GraphQL request on a new connection; never rejects. */
export function postGraphQL(port: number, payload: unknown, headers: Record<string, string> = {}, timeoutMilliseconds = 15_000): Promise<PostResult> {
  return new Promise((resolve) => {
    const body = JSON.stringify(payload);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: ResponseBody | string;
          try {
            parsed = JSON.parse(text) as ResponseBody;
          } catch {
            parsed = text;
          }
          resolve({ status: response.statusCode, body: parsed });
        });
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ networkError: error.code ?? error.message }));
      },
    );
    request.setTimeout(timeoutMilliseconds, () => request.destroy(Object.assign(new Error('no answer in time'), { code: 'CLIENT_TIMEOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ networkError: error.code ?? error.message }));
    request.end(body);
  });
}

export const readMeetings = '{ meetings { nodes { number title } } }';
const createTheme = 'mutation($input: ThemeCreateInput!) { themeCreate(input: $input) { theme { id } userErrors { code } } }';

export class Load {
  readonly answers: Answer[] = [];
  private running = false;
  private clients: Promise<void>[] = [];
  private writeCounter = 0;

  constructor(
    private readonly port: number,
    private readonly options: { clients: number; apiKey?: string; slugPrefix: string; pauseMilliseconds?: number },
  ) {}

  start(): void {
    this.running = true;
    this.clients = Array.from({ length: this.options.clients }, (_, client) => this.runClient(client));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.clients);
  }

  /** Answers to requests started in [from, to). */
  between(from: number, to = Infinity): Answer[] {
    return this.answers.filter((answer) => answer.startedAt >= from && answer.startedAt < to);
  }

  acknowledgedSlugs(): string[] {
    return this.answers.filter((answer) => answer.acknowledged).map((answer) => answer.slug!);
  }

  /** Resolves once `count` requests started after `since` have succeeded. */
  async waitForSuccesses(count: number, since: number, timeoutMilliseconds: number): Promise<number> {
    return this.waitForAnswers(count, since, timeoutMilliseconds, (answer) => answer.status === 200, 'successful');
  }

  /** Resolves once `count` requests started after `since` have been answered (matching `matches`); with the earliest end among them. */
  async waitForAnswers(
    count: number,
    since: number,
    timeoutMilliseconds: number,
    matches: (answer: Answer) => boolean = () => true,
    what = 'answered',
  ): Promise<number> {
    const deadline = Date.now() + timeoutMilliseconds;
    for (;;) {
      const found = this.between(since).filter(matches);
      if (found.length >= count) return Math.min(...found.map((answer) => answer.startedAt + answer.milliseconds));
      if (Date.now() > deadline)
        throw new Error(`fewer than ${count} ${what} requests within ${timeoutMilliseconds} ms; last answers: ${JSON.stringify(this.answers.slice(-5))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async runClient(client: number): Promise<void> {
    for (let round = 0; this.running; round++) {
      const write = this.options.apiKey !== undefined && round % 2 === 1;
      const startedAt = Date.now();
      if (write) {
        const slug = `${this.options.slugPrefix}-${client}-${++this.writeCounter}`;
        const result = await postGraphQL(
          this.port,
          { query: createTheme, variables: { input: { slug, name: `Theme ${slug}` } } },
          { authorization: `Bearer ${this.options.apiKey}` },
        );
        const body = typeof result.body === 'object' ? result.body : undefined;
        const acknowledged = result.status === 200 && Boolean(body?.data?.themeCreate?.theme?.id) && body!.data.themeCreate.userErrors.length === 0;
        this.record('write', startedAt, result, { slug, acknowledged });
      } else {
        this.record('read', startedAt, await postGraphQL(this.port, { query: readMeetings }));
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMilliseconds ?? 10));
    }
  }

  private record(kind: Answer['kind'], startedAt: number, result: PostResult, extra: Partial<Answer> = {}): void {
    this.answers.push({
      kind,
      startedAt,
      milliseconds: Date.now() - startedAt,
      status: result.status,
      code: typeof result.body === 'object' ? result.body.errors?.[0]?.extensions?.code : undefined,
      networkError: result.networkError,
      ...extra,
    });
  }
}
