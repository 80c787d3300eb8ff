import { createEvent, HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { hmacRotation } from '@fupin/testing';
import {
  as,
  householdSnapshot,
  idNumber,
  memberSnapshot,
  startFunds,
  type TestFunds,
  VILLAGE_A1,
} from './fixtures/funds';
import { approvedProject, issueBatch, ok, uploadVoucher } from './fixtures/money';

// 密钥轮换 of the HMAC key: the service holds k2 (current) and k1 (previous).
const keys = hmacRotation();
const underK1 = keys.cipher('k1');
/** A registry one rotation ahead: k3 current, k2 previous (the service does not hold k3). */
const registryAhead = keys.cipher('k3', ['k2']);

let t: TestFunds;

beforeAll(async () => {
  t = await startFunds({
    env: keys.env('k2', ['k1']),
  });
});
afterAll(async () => {
  await t.close();
});

const OLD = idNumber(71);
const AHEAD = idNumber(72);
const STRANGER = idNumber(73);

/** A household whose member's hashes the registry made under its own keys. */
async function registerWith(
  id: string,
  no: string,
  hashes: { idHash: string; idHashes?: string[] },
) {
  const actor = { kind: 'system' as const, id: 'registry' };
  await t.funds.projection.apply(
    createEvent(HouseholdRegistered, {
      aggregateId: id,
      areaCode: VILLAGE_A1,
      actor,
      payload: { household: householdSnapshot(id, VILLAGE_A1, 1) },
    }),
  );
  const member = {
    ...memberSnapshot(t, id, { id: `${id}-m`, name: '周九', idNumber: no }),
    ...hashes,
  };
  await t.funds.projection.apply(
    createEvent(MemberAdded, {
      aggregateId: id,
      areaCode: VILLAGE_A1,
      actor,
      payload: { areaCode: VILLAGE_A1, member },
    }),
  );
}

test('payees are matched to their household whether the registry hashed them under the previous key or under a key the service holds only as previous', async () => {
  // Sent before the rotation: the hash under k1 only.
  await registerWith('hh-k1', OLD, { idHash: underK1.hash(OLD) });
  // Sent by a registry ahead of the service: idHash under k3, idHashes under k3 and k2.
  await registerWith('hh-k3', AHEAD, {
    idHash: registryAhead.hash(AHEAD),
    idHashes: registryAhead.hashes(AHEAD),
  });
  // The service's own current hash matches neither stored idHash.
  expect(t.funds.ctx.cipher.hash(OLD)).not.toBe(underK1.hash(OLD));
  expect(t.funds.ctx.cipher.hash(AHEAD)).not.toBe(registryAhead.hash(AHEAD));

  const p = await approvedProject(t, { areaCode: VILLAGE_A1 });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: p.id, amountFen: 100_000 }],
  });
  const voucher = await uploadVoucher(t, 'rotation list');
  const d = ok<{
    id: string;
    payees: { name: string; registered: boolean; householdId: string | null }[];
  }>(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId: p.id,
        source: 'central',
        amountFen: 30_000,
        purpose: '到户补助',
        payeeKind: 'households',
        payees: [
          { name: '旧钥', idNumber: OLD, amountFen: 10_000 },
          // With its household named: the member is checked within it, under either key.
          { name: '新钥', idNumber: AHEAD, householdId: 'hh-k3', amountFen: 10_000 },
          { name: '外人', idNumber: STRANGER, amountFen: 10_000 },
        ],
        voucherFileIds: [voucher.id],
      }),
    201,
  );
  expect(d.payees.map((x) => [x.name, x.registered, x.householdId])).toEqual([
    ['旧钥', true, 'hh-k1'],
    ['新钥', true, 'hh-k3'],
    ['外人', false, null],
  ]);
  // The sealed ID numbers keep their hash under each key held, as the reseal wants them.
  const stored = await t.funds.models.disbursements.findById(d.id).lean();
  const first = stored!.payees[0]!.idNumber!;
  expect(first.hashes).toEqual(t.funds.ctx.cipher.hashes(OLD));
  expect(t.funds.ctx.cipher.rehashed(first)).toBeNull();
});
