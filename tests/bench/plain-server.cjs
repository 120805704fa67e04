// The floor of the web door's cold start (floor-startup.bench.ts): plain Node, better-sqlite3 and
// http, nothing of the app. It opens the database as the app does (WAL, foreign keys, optionally
// SQLite's quick check), listens on 127.0.0.1, prints its address as the web door does, and saves
// an answer posted to /rpc/answers.record (an upsert of the answer row and its audit row, in one
// BEGIN IMMEDIATE transaction). Usage: node plain-server.cjs DB [--quick-check]
'use strict';
const http = require('node:http');
const Database = require('better-sqlite3');

const [file, check] = process.argv.slice(2);
const db = new Database(file, { timeout: 10000 });
if (check === '--quick-check') {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw new Error(`quick_check: ${result}`);
}
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
const upsert = db.prepare(
  `INSERT INTO answers (id, assessment_id, item_id, area_id, value, na_reason, note, assessor_id, answered_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)
   ON CONFLICT (id) DO UPDATE SET value = excluded.value, assessor_id = excluded.assessor_id, answered_at = excluded.answered_at`,
);
const audit = db.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, 'plain', 'update', 'answer', ?, NULL, ?)");
const save = db.transaction((a) => {
  const id = `${a.assessmentId}:${a.itemId}:${a.areaId ?? 'ward'}`;
  const at = new Date().toISOString();
  upsert.run(id, a.assessmentId, a.itemId, a.areaId, JSON.stringify(a.value), a.assessorId, at);
  audit.run(at, id, JSON.stringify(a));
  return { id };
});
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const data = save.immediate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, data }));
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`running at http://127.0.0.1:${server.address().port}/?key=plain`);
});
process.on('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
