import { gatewayPlugin } from '../demo/plugins/gateway';
import {
  matchingPrecisionPlugin,
  missedFinding,
  plantedCases,
} from '../demo/plugins/matching-precision';
import { eventually } from '@fupin/testing';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

// A small county: the cases are the first households that fit, whatever the county's size.
const PEOPLE = 2000;
const SEED = 2020;
const t = demoPlatformForThisFile();

interface Finding {
  id: string;
  rule: string;
  householdNo: string | null;
  status: string;
  conclusion: string | null;
  reopenings: number;
  rounds: { conclusion: string | null; closing: { name: string } | null }[];
}

test('the matching demo confirms a death, a car and a 漏评 (a candidate lead opens), leaves the 错退 open and shows a reopened finding', async () => {
  const { ctx } = await demoPartContext(t.platform, {
    people: PEOPLE,
    seed: SEED,
    only: ['gateway', 'registry'],
  });
  const { county } = ctx;
  // The plugin's second reviewer, as the gateway plugin creates a registered plugin's users.
  await gatewayPlugin((c) => matchingPrecisionPlugin.users!(c)).seed(ctx);

  expect(await matchingPrecisionPlugin.isSeeded(ctx)).toBe(false);
  await matchingPrecisionPlugin.seed(ctx);
  expect(await matchingPrecisionPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  const all = (await office.get<Finding[]>('/api/matching/findings', { range: '[0,499]' })).body;
  const c = plantedCases(county);
  const of = (rule: string, no: string) => all.find((f) => f.rule === rule && f.householdNo === no);
  expect(of('DECEASED_IN_REGISTRY', c.deceased.h.householdNo)).toMatchObject({
    status: 'verified',
    conclusion: 'confirmed',
  });
  expect(of('VEHICLE_OWNER', c.vehicleConfirmed.h.householdNo)).toMatchObject({
    status: 'verified',
    conclusion: 'confirmed',
  });
  expect(of('EXITED_HOUSEHOLD_CHANGED', c.exitedDeath.h.householdNo)?.status).toBe('assigned');
  expect(of('EXITED_HOUSEHOLD_CHANGED', c.exitedAllowance.h.householdNo)?.status).toBe('assigned');
  expect(of('VEHICLE_OWNER', c.vehicleClosed.h.householdNo)).toMatchObject({
    status: 'assigned',
    reopenings: 1,
    rounds: [{ conclusion: 'not_confirmed', closing: { name: 'fupinban2' } }],
  });
  // The allowance list covers its village whole: no one there is missing from it.
  expect(all.filter((f) => f.rule === 'ALLOWANCE_NOT_ON_LIST')).toEqual([]);

  // The registry acted on the two confirmed findings and said so (登记系统处理结果).
  const outcomeOf = async (id: string) =>
    (
      await office.get<{ registryOutcome: { outcome: string } | null }>(
        `/api/matching/findings/${id}`,
      )
    ).body.registryOutcome?.outcome;
  const death = of('DECEASED_IN_REGISTRY', c.deceased.h.householdNo)!.id;
  const car = of('VEHICLE_OWNER', c.vehicleConfirmed.h.householdNo)!.id;
  await eventually(
    async () => {
      expect(await outcomeOf(death)).toBe('member_removed');
      expect(await outcomeOf(car)).toBe('clearance_opened');
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );

  // 漏评: the person on the 低保 list in no registered household, confirmed; the registry opened
  // an identification candidate lead in the village, and matching shows it did.
  const village = c.exitedAllowance.h.areaCode;
  const missed = await missedFinding(office, village);
  expect(missed).toMatchObject({ status: 'verified', conclusion: 'confirmed', householdNo: null });
  const lead = await office.get<{ id: string; status: string; areaCode: string }>(
    `/api/registry/candidate-leads/${missed.id}`,
  );
  expect(lead.body).toMatchObject({ id: missed.id, status: 'open', areaCode: village });
  const open = await office.get<{ id: string }[]>('/api/registry/candidate-leads', {
    filter: JSON.stringify({ status: 'open' }),
  });
  expect(open.body.map((l) => l.id)).toContain(missed.id);
  await eventually(async () => expect(await outcomeOf(missed.id)).toBe('candidate_opened'), {
    timeoutMs: 60_000,
    intervalMs: 1000,
  });
}, 600_000);
