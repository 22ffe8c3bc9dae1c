/** Runs the built server (`node dist/src/main.js`) as a child process, as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const mainScript = path.join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the port once the server logs that it is serving. */
  ready(timeoutMilliseconds?: number): Promise<number>;
  exited(timeoutMilliseconds?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; milliseconds: number }>;
}

export function startServerProcess(environment: Record<string, string | undefined>): ServerProcess {
  const startedAt = Date.now();
  // NODE_ENV is not "test" in the child, as under `npm start` (Apollo behaves differently under "test").
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    DATABASE_URL: undefined,
    ...environment,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [mainScript], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; milliseconds: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, milliseconds: Date.now() - startedAt })),
  );
  return {
    child,
    output: () => output,
    ready(timeoutMilliseconds = 120_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`server did not start in time; output:\n${output}`)), timeoutMilliseconds);
        const check = () => {
          const match = /serving GraphQL at http:\/\/localhost:(\d+)\/graphql/.exec(output);
          if (match) {
            clearTimeout(deadline);
            resolve(Number(match[1]));
          }
        };
        child.stderr!.on('data', check);
        void exit.then(() => {
          clearTimeout(deadline);
          reject(new Error(`server exited during start-up; output:\n${output}`));
        });
        check();
      });
    },
    exited(timeoutMilliseconds = 20_000) {
      return Promise.race([
        exit,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`server did not exit in time; output:\n${output}`)), timeoutMilliseconds).unref()),
      ]);
    },
  };
}

export async function queryMeetingNumbers(port: number): Promise<number[]> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ meetings { nodes { number } } }' }),
  });
  const body = (await response.json()) as { data: { meetings: { nodes: Array<{ number: number }> } } };
  return body.data.meetings.nodes.map((meeting) => meeting.number);
}
