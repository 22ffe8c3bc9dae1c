import fs from 'node:fs';
import type { EmbeddedDatabase } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as Record<string, unknown>).briefgraphTestDatabase as { database: EmbeddedDatabase; directory: string } | undefined;
  if (!running) return;
  await running.database.stop();
  fs.rmSync(running.directory, { recursive: true, force: true });
}
