import { bearer, COUNTY } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';
import { household, idNumber, seedAreas } from './support/registry-data';

/**
 * A whole working session at debug level — sign-ins right and wrong, a household with ID
 * numbers, phones and a bank account registered and unmasked through the gateway, a refresh
 * and a logout — then every captured log line of the gateway and the services is scanned.
 * (Every other test file of the gateway scans its own captured logs for the passwords and
 * tokens it handled, in its afterAll.)
 */
let t: CountyPlatform;
beforeAll(async () => {
  t = await startCounty();
});
afterAll(async () => {
  if (!t) return;
  await t.close();
});

const HEAD_ID = idNumber('1958-11-23', 31);
const WIFE_ID = idNumber('1961-02-14', 42);
const PHONE = '13987654321';
const MEMBER_PHONE = '13712345678';
const BANK = '6217002870012345678';

// Shapes of personal data in clear: an 18-character ID number, a mobile number, a card number.
const SHAPES = [
  /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/,
  /(?<!\d)1[3-9]\d{9}(?!\d)/,
  /(?<!\d)\d{16,19}(?!\d)/,
];

test('no ID number, phone, bank account, password or token appears in any log line', async () => {
  const office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  await seedAreas(t.service('registry').url, office.accessToken);
  await t
    .api()
    .post('/auth/login')
    .send({ username: office.username, password: 'Wrong-but-close-1!' });
  const created = await t
    .api()
    .post('/api/registry/households')
    .set(bearer(office.accessToken))
    .send(
      household(
        'HH-LOG',
        '431121101201',
        { name: '户主', idNumber: HEAD_ID, phone: MEMBER_PHONE },
        {
          phone: PHONE,
          bankAccount: BANK,
          members: [
            { name: '户主', idNumber: HEAD_ID, relation: 'head', phone: MEMBER_PHONE },
            { name: '配偶', idNumber: WIFE_ID, relation: 'spouse' },
          ],
        },
      ),
    );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const unmasked = await t
    .api()
    .get(`/api/registry/households/${id}`)
    .query({ unmask: 'true', reason: '核对银行账号' })
    .set(bearer(office.accessToken));
  expect(unmasked.status).toBe(200);
  expect(JSON.stringify(unmasked.body)).toContain(BANK);
  // A bad request that echoes input, and a lookup by ID number.
  await t
    .api()
    .post('/api/registry/households')
    .set(bearer(office.accessToken))
    .send({ householdNo: 'x', members: [{ idNumber: HEAD_ID.slice(0, 17) + 'Z', phone: PHONE }] });
  const refreshed = await t.api().post('/auth/refresh').send({ refreshToken: office.refreshToken });
  t.secrets.add(refreshed.body.accessToken);
  t.secrets.add(refreshed.body.refreshToken);
  await t
    .api()
    .post('/auth/logout')
    .set(bearer(refreshed.body.accessToken))
    .send({ refreshToken: refreshed.body.refreshToken });

  // The capture worked: request logs of both processes are there.
  expect(
    t.logs.lines.some((l) => l.includes('"service":"gateway"') && l.includes('/auth/login')),
  ).toBe(true);
  expect(
    t.logs.lines.some((l) => l.includes('"service":"registry"') && l.includes('/households')),
  ).toBe(true);

  const personal = [HEAD_ID, WIFE_ID, HEAD_ID.slice(0, 17) + 'Z', PHONE, MEMBER_PHONE, BANK];
  expect(t.leakedLines(personal)).toEqual([]);
  expect(t.logs.lines.filter((l) => SHAPES.some((re) => re.test(l)))).toEqual([]);
  expect(
    t.logs.lines.filter((l) =>
      /"(password|newPassword|currentPassword)":"(?!\[redacted\])/.test(l),
    ),
  ).toEqual([]);
});
