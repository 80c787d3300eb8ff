import { eventually, bearer, COUNTY, TOWNSHIP_A } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
beforeAll(async () => {
  t = await startCounty();
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

interface Entry {
  action: string;
  actorId: string;
  subjectIds: string[];
  reason: string | null;
  service: string;
}

async function auditOf(userId: string): Promise<Entry[]> {
  const res = await t
    .api()
    .get('/audit')
    .query({ filter: JSON.stringify({ subjectId: userId }), range: '[0,99]' })
    .set(bearer(t.admin.accessToken));
  expect(res.status).toBe(200);
  return res.body as Entry[];
}

test('five wrong passwords are refused, the sixth within 15 minutes locks the account', async () => {
  const u = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  for (let i = 1; i <= 5; i++) {
    const res = await t
      .api()
      .post('/auth/login')
      .send({ username: u.username, password: `Wrong-${i}-pass!` });
    expect({ attempt: i, status: res.status, code: res.body.code }).toEqual({
      attempt: i,
      status: 401,
      code: 'AUTH_LOGIN_FAILED',
    });
  }
  const sixth = await t
    .api()
    .post('/auth/login')
    .send({ username: u.username, password: 'Wrong-6-pass!' });
  expect(sixth.status).toBe(423);
  expect(sixth.body.code).toBe('AUTH_ACCOUNT_LOCKED');
  expect(new Date(sixth.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);

  // The right password no longer helps, and the tokens issued before the lock are void.
  const right = await t
    .api()
    .post('/auth/login')
    .send({ username: u.username, password: u.password });
  expect(right.status).toBe(423);
  const me = await t.api().get('/auth/me').set(bearer(u.accessToken));
  expect(me.body.code).toBe('AUTH_TOKEN_REVOKED');

  const entries = await eventually(async () => {
    const e = await auditOf(u.userId);
    expect(e.filter((x) => x.action === 'account_locked')).toHaveLength(1);
    expect(e.filter((x) => x.action === 'login_failed')).toHaveLength(7);
    return e;
  });
  const security = entries.filter((e) => e.action !== 'permission_change');
  expect(security.every((e) => e.service === 'gateway' && e.actorId === u.userId)).toBe(true);
  expect(entries.filter((e) => e.reason === 'wrong password')).toHaveLength(6);
  expect(entries.filter((e) => e.reason === 'account locked')).toHaveLength(1);
  expect(entries.filter((e) => e.action === 'login')).toHaveLength(1);

  // The administrator lifts the lock: the user signs in again, and the unlock is audited.
  const unlock = await t.api().post(`/users/${u.userId}/unlock`).set(bearer(t.admin.accessToken));
  expect(unlock.status).toBe(200);
  expect(unlock.body.lockedUntil).toBeNull();
  const after = await t.login(u.username, u.password);
  expect(after.accessToken).toBeTruthy();
  await eventually(async () => {
    const e = await auditOf(u.userId);
    expect(
      e.find((x) => x.action === 'permission_change' && x.actorId === t.admin.userId),
    ).toBeTruthy();
  });
});

test('wrong passwords spread over the attempts below the limit do not lock; a success resets the count', async () => {
  const u = await t.signedInUser({ roles: ['village_staff'], areaCode: '431121101201' });
  for (let i = 0; i < 5; i++) {
    await t.api().post('/auth/login').send({ username: u.username, password: 'Not-the-1-pass' });
  }
  await t.login(u.username, u.password);
  for (let i = 0; i < 5; i++) {
    const res = await t
      .api()
      .post('/auth/login')
      .send({ username: u.username, password: 'Not-the-1-pass' });
    expect(res.status).toBe(401);
  }
  expect(
    (await t.api().post('/auth/login').send({ username: u.username, password: u.password })).status,
  ).toBe(200);
});

test('an unknown username is refused like a wrong password and audited', async () => {
  const res = await t
    .api()
    .post('/auth/login')
    .send({ username: 'nobody-here', password: 'Whatever-123!' });
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('AUTH_LOGIN_FAILED');
  await eventually(async () => {
    const list = await t
      .api()
      .get('/audit')
      .query({ filter: JSON.stringify({ action: 'login_failed', actorId: 'unknown' }) })
      .set(bearer(t.admin.accessToken));
    expect(list.body).toEqual([
      expect.objectContaining({
        actorName: 'nobody-here',
        actorArea: COUNTY,
        reason: 'unknown username',
      }),
    ]);
  });
});

test('sign-in attempts are rate limited per IP in Redis', async () => {
  const limited = await startCounty({ gatewayEnv: { LOGIN_RATE_PER_IP: '40' } });
  try {
    // The fixture signed the administrator in already (2 attempts); keep going past the limit.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await limited
        .api()
        .post('/auth/login')
        .send({ username: `someone${i}`, password: 'Wrong-pass-1!' });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBe(38);
  } finally {
    await limited.close();
  }
});
