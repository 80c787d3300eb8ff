// `npm run audit:verify` — 审计链校验: every service's audit chain verified at once through the
// gateway (GET /audit/chains: each service walks its own chain against the newest anchor the
// gateway keeps), or one service directly (`--direct URL`, GET /audit/verify). The auditor's right
// (audit.read). Prints where each chain breaks; exits 1 when one does or a service did not answer.
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run audit:verify -- [--gateway URL | --direct SERVICE_URL]
       (--token T | --username U --password P)   (or AUDIT_TOKEN in the environment)`;

interface ChainState {
  service: string;
  ok: boolean;
  checked?: number;
  firstSeq?: number | null;
  lastSeq?: number | null;
  unchained?: number;
  unreachable?: number | 'timeout';
  problems?: { kind: string; seq: number | null; entryId: string | null; detail: string }[];
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

async function ask(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

function describe(s: ChainState): string[] {
  if (s.unreachable !== undefined) return [`FAILED  ${s.service}: not answered (${s.unreachable})`];
  const unchained = s.unchained ? `, ${s.unchained} unchained before seq ${s.firstSeq ?? '-'}` : '';
  const head = `${s.ok ? 'ok     ' : 'PROBLEM'} ${s.service}: ${s.checked ?? 0} entries, last seq ${s.lastSeq ?? '-'}${unchained}`;
  return [head, ...(s.problems ?? []).map((p) => `          ${p.kind}: ${p.detail}`)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
      direct: { type: 'string' },
      token: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const gateway = values.gateway!.replace(/\/$/, '');
  const token = await tokenOf(gateway, values);
  const states = values.direct
    ? [(await ask(`${values.direct.replace(/\/$/, '')}/audit/verify`, token)) as ChainState]
    : ((await ask(`${gateway}/audit/chains`, token)) as { items: ChainState[] }).items;
  for (const s of states) for (const line of describe(s)) console.log(line);
  process.exit(states.every((s) => s.ok) ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
