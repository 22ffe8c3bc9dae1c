/** `/healthz`: the process is alive. `/readyz`: it can serve (the database answers and it is not draining). */
import type express from 'express';
import type { DataSource } from 'typeorm';

export function healthRoutes(app: express.Express, dataSource: DataSource, isDraining: () => boolean): void {
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    if (isDraining()) {
      response.status(503).json({ status: 'draining' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'database unavailable' });
    }
  });
}
