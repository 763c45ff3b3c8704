// DuckDB peer for tests/bench/tally.sh: the same group-by straight off the
// CSV, result written by DuckDB itself (COPY ... TO), so no rows cross into JS.
// usage (from a folder where `npm install @duckdb/node-api` was run):
//   node tally_duckdb.mjs FILE OUT KEYS
import { DuckDBInstance } from '@duckdb/node-api';
const [file, out, keys] = process.argv.slice(2);
const q = (s) => "'" + s.replace(/'/g, "''") + "'";
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`COPY (
  SELECT ${keys}, count("q.overall") AS n, avg("q.overall") AS mean,
         avg(("q.overall" >= 4)::INT) AS share4
  FROM read_csv_auto(${q(file)})
  GROUP BY ${keys}) TO ${q(out)} (HEADER, DELIMITER ',')`);
