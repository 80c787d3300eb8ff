// The same matching done by DuckDB (@duckdb/node-api, the current DuckDB client for Node; the
// older `duckdb` package downloads its binary from a host this machine cannot reach): the same
// CSV files read, the same rules as hash joins and anti-joins, counted per rule.
// DuckDB is installed beside the benchmark by install-duckdb.sh (see duckdb/package.json for why
// it is not a workspace dependency), so it is loaded from there; the few calls used are typed here.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Generated } from './generate';
import { LIST_DATE } from './generate';

interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
  closeSync(): void;
}
interface DuckApi {
  DuckDBInstance: { create(file: string): Promise<{ connect(): Promise<DuckConnection> }> };
}

function loadDuckDb(): DuckApi {
  const here = path.join(__dirname, 'duckdb', 'package.json');
  try {
    return createRequire(here)('@duckdb/node-api') as DuckApi;
  } catch (e) {
    throw new Error(
      `DuckDB is not installed for the benchmark: run bash bench/matching/install-duckdb.sh (${String(e)})`,
    );
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 in SQL: 18 characters, 17 digits and a check character that fits. */
function validId(col: string): string {
  const sum = WEIGHTS.map((w, i) => `${w} * CAST(substr(${col}, ${i + 1}, 1) AS INTEGER)`).join(
    ' + ',
  );
  return `(regexp_full_match(${col}, '[0-9]{17}[0-9X]') AND substr('10X98765432', ((${sum}) % 11) + 1, 1) = substr(${col}, 18, 1))`;
}
const wellFormed = (col: string) => `regexp_full_match(${col}, '[0-9]{17}[0-9X]')`;

const LIVE = `p.member_status = 'active' AND p.household_status <> 'cancelled'`;
const WRONG_ID = `p.household_status IN ('candidate', 'in_poverty', 'returned')`;
const IDENTIFIED = `p.household_status IN ('in_poverty', 'returned', 'exited', 'unstable', 'marginal', 'sudden_hardship')`;
const AGE = `(year(DATE '${LIST_DATE}') - year(p.birth_date) - CASE WHEN strftime(DATE '${LIST_DATE}', '%m-%d') < strftime(p.birth_date, '%m-%d') THEN 1 ELSE 0 END)`;

export async function duckdbMatch(
  g: Generated,
): Promise<{ ms: number; byRule: Record<string, number> }> {
  const started = Date.now();
  const { DuckDBInstance } = loadDuckDb();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const file = (type: string) => g.lists.find((l) => l.type === type)!.file.replace(/'/g, "''");
  await c.run(
    `CREATE TABLE people AS SELECT * FROM read_csv('${g.peopleFile.replace(/'/g, "''")}', header = true, all_varchar = false, types = {'id': 'VARCHAR', 'area_code': 'VARCHAR', 'birth_date': 'DATE'})`,
  );
  for (const l of g.lists) {
    const extra =
      l.type === 'dangerous_houses'
        ? ', "鉴定等级" AS fact'
        : l.type === 'allowance_recipients'
          ? ', "行政区划代码" AS fact'
          : ', NULL AS fact';
    await c.run(
      `CREATE TABLE ${l.type} AS SELECT "身份证号" AS id${extra} FROM read_csv('${file(l.type)}', header = true, all_varchar = true)`,
    );
  }
  const on = (list: string, where: string) =>
    `SELECT count(*) FROM (SELECT DISTINCT p.id, p.household_id FROM ${list} l JOIN people p ON p.id = l.id WHERE ${validId('l.id')} AND ${LIVE} AND ${where})`;
  const missing = (list: string, where: string) =>
    `SELECT count(*) FROM (SELECT DISTINCT p.id, p.household_id FROM people p WHERE ${LIVE} AND ${IDENTIFIED} AND ${where} AND NOT EXISTS (SELECT 1 FROM ${list} l WHERE l.id = p.id))`;
  const allLists = g.lists.map((l) => `SELECT id FROM ${l.type}`).join(' UNION ALL ');
  const queries: Record<string, string> = {
    VEHICLE_OWNER: on('vehicles', WRONG_ID),
    BUSINESS_OWNER: on('businesses', WRONG_ID),
    PUBLIC_EMPLOYEE: on('public_employees', WRONG_ID),
    URBAN_PROPERTY: on('urban_property', WRONG_ID),
    DECEASED_IN_REGISTRY: on('deaths', 'true'),
    ALLOWANCE_NOT_REGISTERED: `SELECT count(DISTINCT l.id) FROM allowance_recipients l WHERE ${validId('l.id')} AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = l.id AND ${LIVE})`,
    ALLOWANCE_NOT_ON_LIST: missing('allowance_recipients', '(p.allowance OR p.destitute)'),
    DROPOUT: missing('school_enrollment', `${AGE} BETWEEN 6 AND 15`),
    INSURANCE_GAP: missing('medical_insurance', 'true'),
    DANGEROUS_HOUSE: `SELECT count(DISTINCT p.household_id) FROM dangerous_houses l JOIN people p ON p.id = l.id WHERE ${validId('l.id')} AND ${LIVE} AND ${IDENTIFIED} AND p.housing_grade IN ('A', 'B') AND (l.fact LIKE 'C%' OR l.fact LIKE 'D%')`,
    ID_INVALID: `SELECT count(*) FROM (SELECT DISTINCT p.id, p.household_id FROM (${allLists}) l JOIN people p ON p.id = l.id WHERE ${wellFormed('l.id')} AND NOT ${validId('l.id')} AND ${LIVE})`,
    ID_FACTS_MISMATCH: `SELECT count(*) FROM (SELECT DISTINCT p.id, p.household_id FROM (${allLists}) l JOIN people p ON p.id = l.id WHERE ${validId('l.id')} AND ${LIVE} AND (strftime(p.birth_date, '%Y%m%d') <> substr(l.id, 7, 8) OR (p.sex = 'male') <> (CAST(substr(l.id, 17, 1) AS INTEGER) % 2 = 1)))`,
    DUPLICATE_PERSON: `SELECT count(*) FROM (SELECT p.id FROM people p WHERE ${LIVE} GROUP BY p.id HAVING count(DISTINCT p.household_id) >= 2)`,
    INCOME_ABOVE_LINE: `SELECT count(DISTINCT p.household_id) FROM people p WHERE ${LIVE} AND p.household_status IN ('in_poverty', 'returned') AND p.income_fen >= 374700`,
  };
  const byRule: Record<string, number> = {};
  for (const [rule, sql] of Object.entries(queries)) {
    const r = await c.runAndReadAll(sql);
    const n = Number(r.getRows()[0]![0]);
    if (n > 0) byRule[rule] = n;
  }
  c.closeSync();
  return { ms: Date.now() - started, byRule };
}
