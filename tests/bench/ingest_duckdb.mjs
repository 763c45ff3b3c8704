// DuckDB peer for tests/bench/ingest.sh: the export, already turned into UTF-8
// by iconv (DuckDB's CSV reader takes UTF-8 only without its encodings
// extension), read with ';' and written back as ',' CSV by DuckDB itself
// (COPY ... TO), so no rows cross into JS. Column types are DuckDB's own
// guess (on this export: ID as a number, the rest text; the written CSV is the
// same as with all_varchar=true, which the figure used).
// usage (from a folder where `npm install @duckdb/node-api` was run):
//   node ingest_duckdb.mjs UTF8_FILE OUT
import { DuckDBInstance } from '@duckdb/node-api';
const [file, out] = process.argv.slice(2);
const q = (s) => "'" + s.replace(/'/g, "''") + "'";
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`COPY (SELECT * FROM read_csv(${q(file)}, delim=';', header=true))
  TO ${q(out)} (HEADER, DELIMITER ',')`);
