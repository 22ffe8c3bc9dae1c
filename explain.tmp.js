require('/work/main/node_modules/reflect-metadata');
const { EmbeddedDatabase } = require('/work/main/dist/src/database/embedded-postgres');
const { Client } = require('/work/main/node_modules/pg');
(async () => {
  const db = new EmbeddedDatabase({ dataDirectory: '/tmp/synth' });
  const url = await db.start();
  const c = new Client({ connectionString: url }); await c.connect();
  const sqls = require('fs').readFileSync('/tmp/explain.sql', 'utf8').split(';;');
  for (const sql of sqls) { if (!sql.trim()) continue; const t = Date.now(); const r = await c.query('EXPLAIN (ANALYZE, BUFFERS off) ' + sql); console.log(r.rows.map(x => x['QUERY PLAN']).join('\n').slice(0, 3000)); console.log('---', Date.now() - t, 'ms'); }
  await c.end(); await db.stop();
})().catch(e => { console.error(e); process.exit(1); });
