import request from 'supertest';
import type { Household } from '../../services/registry/src/households/household.model';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
} from '../../services/registry/test/fixtures/registry';
import { as, createAreas } from '../../services/registry/test/fixtures/workflows';

/**
 * A registry for a bench and one household registered through its API (a head, a spouse and a
 * child born `childBorn`), read back whole: the template the bench copies N times straight into
 * the collection, so the copies are what the registry itself stores.
 */
export async function registryWithTemplate(
  household: Record<string, unknown> = {},
  childBorn = '2012-01-01',
): Promise<{ t: TestRegistry; template: Household }> {
  const t = await startRegistry();
  await createAreas(t);
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send({
      householdNo: 'BENCH-TEMPLATE',
      areaCode: VILLAGE_A1,
      status: 'in_poverty',
      members: [
        { name: '甲', idNumber: idNumber('1970-01-01', 1, 'male'), relation: 'head' },
        { name: '乙', idNumber: idNumber('1972-01-01', 2, 'female'), relation: 'spouse' },
        { name: '丙', idNumber: idNumber(childBorn, 3, 'male'), relation: 'son', inSchool: true },
      ],
      ...household,
    });
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  const template = await t.registry.models.households.findById(res.body.id).lean();
  return { t, template: template as Household };
}
