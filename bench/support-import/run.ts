// Benchmark of the support service's department-list import (部门名单比对导入): the education
// department's enrollment list and the health department's insurance list, each of N rows,
// read, stored and reconciled with N registered people exactly as the BullMQ job does
// (ImportService.accept, then ImportReconciliation.run), then the same file imported again
// (which must change nothing). Prints rows/s of each and where the database time went.
// Usage:
//   eval "$(bash deploy/local/up)"; npx tsx bench/support-import/run.ts -- --rows 5000,25000
import { cpus, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  connectMongo,
  createLogger,
  createPersonalDataCipher,
  ensureIndexes,
  generatePersonalDataKey,
  type PersonalDataCipher,
  type Principal,
  scopedRepository,
} from '@fupin/kit';
import { computeCheckDigit, townshipOf } from '@fupin/reference';
import { getInfra } from '@fupin/testing';
import type { Connection } from 'mongoose';
import {
  type Enrollment,
  educationModels,
  type Student,
} from '../../services/support/src/education/education.model';
import { StudentService } from '../../services/support/src/education/student.service';
import { InsuranceService } from '../../services/support/src/health/insurance.service';
import type { ImportKind } from '../../services/support/src/imports/department-rows';
import {
  type DepartmentImport,
  importModels,
} from '../../services/support/src/imports/import.model';
import { ImportReconciliation } from '../../services/support/src/imports/import-reconciliation';
import { ImportService } from '../../services/support/src/imports/import.service';
import { type Person, personModel } from '../../services/support/src/people/person.model';
import { PersonService } from '../../services/support/src/people/person.service';
import { projectedHouseholdModel } from '@fupin/kit';
import { databaseTime } from '../common/database-time';
import { engineName } from '../common/engine';
import { COUNTY, TOWNSHIPS, villagesOf } from '../registry-list/seed';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000,25000' },
    kinds: { type: 'string', default: 'education_enrollment,health_insurance' },
  },
  allowPositionals: true,
});
const sizes = args.rows.split(',').map(Number);
const kinds = args.kinds.split(',') as ImportKind[];
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error('--rows is a comma-separated list of positive whole numbers');
  process.exit(2);
}

const TERM = '2020-autumn';
const YEAR = 2020;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

const principal: Principal = {
  userId: 'bench',
  username: 'bench',
  roles: ['poverty_office'],
  areaCode: COUNTY,
  rights: { support: ['read', 'write'] },
};

/** The i-th person's ID number: a child of school age (born 2006–2013) or an adult. */
function idOf(i: number, child: boolean): { id: string; birth: string } {
  const year = child ? 2006 + (i % 8) : 1950 + (i % 50);
  const day = new Date(Date.UTC(year, 0, 1 + ((i * 37) % 360)));
  const birth = day.toISOString().slice(0, 10);
  const order = String(Math.floor(i / 8) % 1000).padStart(3, '0');
  const county = `43${String(1100 + Math.floor(i / 8000)).padStart(4, '0')}`;
  const first17 = `${county}${birth.replace(/-/g, '')}${order}`;
  return { id: first17 + computeCheckDigit(first17), birth };
}

const VILLAGES = TOWNSHIPS.flatMap(villagesOf);

/** N registered people (children for the enrollment list), as the person view holds them. */
function people(n: number, child: boolean, cipher: PersonalDataCipher): Person[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const { id, birth } = idOf(i, child);
    const areaCode = VILLAGES[i % VILLAGES.length]!;
    return {
      _id: `m-${i}`,
      idHash: cipher.hash(id),
      name: `人员${i}`,
      sex: i % 2 ? 'male' : 'female',
      birthDate: birth,
      relation: 'child',
      householdId: `h-${Math.floor(i / 4)}`,
      householdNo: `H${i}`,
      householdStatus: 'in_poverty',
      areaCode,
      townshipCode: townshipOf(areaCode) ?? areaCode,
      memberStatus: 'active',
      registered: true,
      inSchool: child,
      schoolStage: child ? 'primary' : null,
      health: 'healthy',
      registryMedicalInsurance: true,
      registryPensionInsurance: false,
      insurance: {},
      householdSeq: 1,
      syncedAt: now,
      outbox: [],
      hasOutbox: false,
    };
  });
}

/**
 * The list of n rows: every 100th row a stranger (not registered), every 250th a bad check
 * digit, every 500th a repeat of the row before: rows to report, not to record.
 */
function listCsv(kind: ImportKind, n: number): string {
  const lines =
    kind === 'education_enrollment'
      ? ['身份证号,姓名,学校,学段,年级,学籍状态']
      : ['身份证号,姓名,险种,参保状态'];
  const persons = kind === 'health_insurance' ? Math.ceil(n / 2) : n;
  for (let r = 0; r < n; r++) {
    const i = kind === 'health_insurance' ? Math.floor(r / 2) : r;
    let { id } = idOf(r % 100 === 99 ? persons + 1_000_000 + r : i, kind !== 'health_insurance');
    if (r % 250 === 7) id = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    if (r % 500 === 11 && kind === 'education_enrollment') id = idOf(i - 1, true).id;
    lines.push(
      kind === 'education_enrollment'
        ? `${id},学生${i},第${(i % 20) + 1}小学,小学,${(i % 6) + 1},在读`
        : `${id},人员${i},${r % 2 ? '大病保险' : '基本医疗保险'},参保`,
    );
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

function servicesOn(conn: Connection, cipher: PersonalDataCipher) {
  const models = { persons: personModel(conn), ...educationModels(conn), ...importModels(conn) };
  const persons = scopedRepository<Person>(models.persons);
  const now = () => new Date();
  const people = new PersonService({
    persons,
    households: projectedHouseholdModel(conn),
    logger: createLogger({ name: 'bench-support-import', level: 'warn' }),
    now,
  });
  const students = new StudentService({
    students: scopedRepository<Student>(models.students),
    enrollments: scopedRepository<Enrollment>(models.enrollments),
    people,
    now,
  });
  const insurance = new InsuranceService({
    persons,
    people,
    targets: { basic_medical: 9900, serious_illness: 9900, pension: 9500 },
    eventsStored: () => undefined,
    now,
  });
  const imports = scopedRepository<DepartmentImport>(models.imports, 'actorArea');
  const service = new ImportService({
    imports,
    rows: models.rows,
    pending: models.pending,
    cipher,
    now,
  });
  const reconciliation = new ImportReconciliation({
    imports,
    rows: models.rows,
    pending: models.pending,
    persons,
    people,
    students,
    insurance,
    now,
  });
  return { models, service, reconciliation };
}
type Services = ReturnType<typeof servicesOn>;

async function timedImport(
  s: Services,
  kind: ImportKind,
  csv: string,
  n: number,
  dbTime: ReturnType<typeof databaseTime>,
  label: string,
) {
  dbTime.start();
  const t0 = performance.now();
  const job = await s.service.accept(principal, Readable.from([Buffer.from(csv, 'utf8')]), {
    kind,
    ...(kind === 'education_enrollment' ? { term: TERM } : { year: YEAR }),
    fileName: 'bench.csv',
    maxBytes: 64 * 1024 * 1024,
  });
  const t1 = performance.now();
  await s.reconciliation.run(job.id);
  const t2 = performance.now();
  const byCommand = dbTime.stop();
  const done = await s.models.imports.findById(job.id).lean<DepartmentImport>();
  if (done?.status !== 'completed') throw new Error(`${label}: the import did not complete`);
  console.log(
    `${label.padEnd(12)} ${seconds(t2 - t0)} (accept ${seconds(t1 - t0)}, reconcile ${seconds(t2 - t1)}) — ${rate(n, t2 - t0)} rows/s (${load()})`,
  );
  console.log(`             counts ${JSON.stringify(done.counts)}`);
  for (const [what, { ms, calls }] of byCommand.slice(0, 8))
    console.log(
      `             ${what.padEnd(34)} ${String(calls).padStart(6)} calls ${seconds(ms)}`,
    );
  return done.counts;
}

async function benchOne(
  conn: Connection,
  kind: ImportKind,
  n: number,
  dbTime: ReturnType<typeof databaseTime>,
) {
  const cipher = createPersonalDataCipher({
    encryptionKey: generatePersonalDataKey(),
    hmacKey: generatePersonalDataKey(),
  });
  const s = servicesOn(conn, cipher);
  await ensureIndexes(conn);
  const persons = kind === 'health_insurance' ? Math.ceil(n / 2) : n;
  for (const chunk of (function* () {
    const all = people(persons, kind === 'education_enrollment', cipher);
    for (let i = 0; i < all.length; i += 1000) yield all.slice(i, i + 1000);
  })())
    await s.models.persons.collection.insertMany(chunk as never[]);
  const csv = listCsv(kind, n);
  console.log(
    `\n${kind}: ${n.toLocaleString('en')} rows, ${persons.toLocaleString('en')} registered people`,
  );
  const first = await timedImport(s, kind, csv, n, dbTime, 'first');
  const again = await timedImport(s, kind, csv, n, dbTime, 'again');
  if (again.changed !== 0)
    throw new Error(`the same list imported again changed ${again.changed} records`);
  if (first.rejected === 0 || first.unknownPerson === 0)
    throw new Error('the planted rejected and unknown rows were not reported');
}

async function main(): Promise<void> {
  const infra = await getInfra();
  const logger = createLogger({ name: 'bench-support-import', level: 'warn' });
  const url = new URL(infra.mongoUrl);
  url.searchParams.set('monitorCommands', 'true');
  console.log(`date:        ${new Date().toISOString()}`);
  for (const n of sizes) {
    for (const kind of kinds) {
      // A database per run: each list meets only its own people.
      const dbName = `bench_support_import_${Date.now().toString(36)}`;
      const conn = await connectMongo({ url: url.toString(), dbName, logger });
      const dbTime = databaseTime(conn.getClient());
      try {
        if (n === sizes[0] && kind === kinds[0])
          console.log(
            `server:      ${await engineName(conn.db!)} at ${url.host} (${load()}, ${cpus().length} CPUs)`,
          );
        await benchOne(conn, kind, n, dbTime);
      } finally {
        await conn.dropDatabase().catch((err: unknown) => {
          console.warn(`could not drop ${dbName}: ${String(err)}`);
        });
        await conn.close();
      }
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
