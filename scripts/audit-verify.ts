// `npm run audit:verify` — 审计链校验: asks every service, through the gateway, to walk its audit
// chain (GET /audit/verify, the auditor's right) and prints where each chain breaks. Exits 1 when
// a chain has a problem or a service does not answer.
import { parseArgs } from 'node:util';

const SERVICES = [
  'gateway',
  'registry',
  'assistance',
  'funds',
  'support',
  'matching',
  'assessment',
];

const USAGE = `usage: npm run audit:verify -- [--gateway URL] (--token T | --username U --password P)
       [--only registry,funds]   (or AUDIT_TOKEN in the environment)`;

interface Report {
  ok: boolean;
  checked: number;
  lastSeq: number | null;
  unchained: number;
  firstSeq: number | null;
  problems: { kind: string; seq: number | null; entryId: string | null; detail: string }[];
}

async function tokenOf(gateway: string, v: Record<string, string | undefined>): Promise<string> {
  const given = v.token ?? process.env.AUDIT_TOKEN;
  if (given) return given;
  if (!v.username || !v.password) throw new Error(USAGE);
  const res = await fetch(`${gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: v.username, password: v.password }),
  });
  if (!res.ok) throw new Error(`sign-in refused (${res.status})`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function describe(service: string, r: Report): string[] {
  const unchained = r.unchained ? `, ${r.unchained} unchained before seq ${r.firstSeq ?? '-'}` : '';
  const head = `${r.ok ? 'ok     ' : 'PROBLEM'} ${service}: ${r.checked} entries, last seq ${r.lastSeq ?? '-'}${unchained}`;
  return [
    head,
    ...r.problems.map((p) => `          ${p.kind} at seq ${p.seq ?? '-'}: ${p.detail}`),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
      token: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const gateway = values.gateway!.replace(/\/$/, '');
  const token = await tokenOf(gateway, values);
  const only = values.only?.split(',') ?? SERVICES;
  let failed = false;
  for (const service of SERVICES.filter((s) => only.includes(s))) {
    const url = `${gateway}${service === 'gateway' ? '' : `/api/${service}`}/audit/verify`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) {
      failed = true;
      console.log(`FAILED  ${service}: ${res.status} ${await res.text()}`);
      continue;
    }
    const report = (await res.json()) as Report;
    failed ||= !report.ok;
    for (const line of describe(service, report)) console.log(line);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
