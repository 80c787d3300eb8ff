import { bearer, COUNTY, startMatching, type TestMatching } from './fixtures/matching';
import { vehicleFindings } from './fixtures/walk';

// 规则质量 as a department reads it: only the findings on its own list types count, as it
// sees only those findings; the poverty office counts every one.

let t: TestMatching;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startMatching();
  for (const dept of ['public_security', 'disabled_persons_federation'])
    tokens[dept] = await t.issuer.sign({
      sub: `u-${dept}`,
      name: dept,
      area: COUNTY,
      roles: ['department_staff'],
      dept,
      rights: { matching: ['read', 'write'] },
    });
  const [confirmed] = await vehicleFindings(t, 2, {
    birthDate: '1971-06-01',
    sex: 'female',
    plate: '湘E2',
  });
  const res = await t
    .api()
    .post(`/findings/${confirmed}/verify`)
    .set(bearer(t.tokens.county))
    .send({ conclusion: 'confirmed' });
  if (res.status !== 200) throw new Error(`verify: ${res.status} ${res.text}`);
});
afterAll(async () => {
  await t.close();
});

const quality = (token: string, query: Record<string, string> = {}) =>
  t.api().get('/quality/rules').query(query).set(bearer(token));

const vehicles = {
  totals: expect.objectContaining({ confirmed: 1, decided: 1, pending: 1 }),
  byRule: [expect.objectContaining({ rule: 'VEHICLE_OWNER', confirmed: 1, pending: 1 })],
  byListType: [expect.objectContaining({ listType: 'vehicles', department: 'public_security' })],
};

test('the poverty office and 公安, whose list the vehicles are, count the vehicle findings', async () => {
  for (const token of [t.tokens.county, tokens.public_security!]) {
    const res = await quality(token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(vehicles);
  }
});

test('残联 counts none of them, even when it asks for the vehicle list type', async () => {
  for (const query of [{}, { listType: 'vehicles' }] as Record<string, string>[]) {
    const res = await quality(tokens.disabled_persons_federation!, query);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totals: expect.objectContaining({ decided: 0, pending: 0 }),
      byRule: [],
      byListType: [],
      byList: [],
    });
  }
});
