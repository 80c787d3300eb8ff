import ExcelJS from 'exceljs';
import { household, idNumber } from '../../../services/gateway/test/support/registry-data';

export { household, idNumber };

const json = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

/** Calls the gateway as a signed-in user (to arrange data the test is not about). */
export async function api<T>(
  gatewayUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: json(token),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Uploads a household file to the registry's import and waits for the job to finish. */
export async function importCsv(
  gatewayUrl: string,
  token: string,
  csv: string,
): Promise<{ id: string }> {
  const res = await fetch(
    `${gatewayUrl}/api/registry/imports/households?fileName=${encodeURIComponent('贫困户.csv')}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: Buffer.from(csv, 'utf8'),
    },
  );
  if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`);
  const job = (await res.json()) as { id: string };
  for (let i = 0; i < 120; i++) {
    const j = await api<{ status: string }>(
      gatewayUrl,
      token,
      'GET',
      `/api/registry/imports/${job.id}`,
    );
    if (j.status === 'completed' || j.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the import did not finish');
}

/** A household file as the county's spreadsheets are saved: a good household and one bad row. */
export function householdCsv(prefix: string, village: string, seq: number): string {
  return [
    '户编号,行政村代码,贫困户属性,主要致贫原因,成员姓名,身份证号,与户主关系,文化程度',
    `${prefix}-1,${village},低保贫困户,因病,孙建国,${idNumber('1961-02-03', seq)},户主,初中`,
    `${prefix}-1,,,,周秀英,${idNumber('1963-05-06', seq + 2)},配偶,小学`,
    `${prefix}-2,${village},特困供养贫困户,因残,吴娜,${idNumber('1958-07-08', seq + 4)},户主,文盲或半文盲`,
    // Row 5 (the header is row 1): the relation is not one the registry knows.
    `${prefix}-3,${village},一般贫困户,缺技术,郑五,${idNumber('1970-09-10', seq + 6)},邻居,高中`,
  ].join('\r\n');
}

/** The data rows of the first sheet of a downloaded workbook, by header (without a `*`). */
export async function sheetRows(file: string): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  // Row values are 1-based and sparse: Array.from fills the holes. A required column's header
  // carries a `*` (as in the import template); rows are keyed without it.
  const header = Array.from(ws.getRow(1).values as unknown[], (v) =>
    String(v ?? '').replace(/\*$/, ''),
  );
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = Array.from(row.values as unknown[]);
    rows.push(Object.fromEntries(header.map((h, i) => [h, String(values[i] ?? '')])));
  });
  return rows;
}
