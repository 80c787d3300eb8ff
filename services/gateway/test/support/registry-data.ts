import { computeCheckDigit } from '@fupin/reference';
import request from 'supertest';
import { bearer, COUNTY, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1 } from '@fupin/testing';

/** A valid ID number (GB 11643 check digit) for a birth date and a sequence number. */
export function idNumber(birth: string, seq: number, area = '431121'): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

export function household(
  no: string,
  village: string,
  head: { name: string; idNumber: string; phone?: string },
  extra: object = {},
) {
  return {
    householdNo: no,
    areaCode: village,
    address: '三组',
    phone: '13812345678',
    bankName: '农村信用社',
    bankAccount: '6222020200112233445',
    attribute: 'ordinary',
    mainCause: 'illness',
    otherCauses: [],
    status: 'in_poverty',
    identificationYear: 2015,
    income: { year: 2019, wagesFen: 600_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
    members: [{ ...head, relation: 'head' }],
    ...extra,
  };
}

/** The county, two townships and a village in each, in the registry. */
export async function seedAreas(registryUrl: string, token: string): Promise<void> {
  for (const [code, name] of [
    [COUNTY, '桃源县'],
    [TOWNSHIP_A, '漳江街道'],
    [TOWNSHIP_B, '陬市镇'],
    [VILLAGE_A1, '桃花源村'],
    [VILLAGE_B1, '陬市村'],
  ]) {
    const res = await request(registryUrl).post('/areas').set(bearer(token)).send({ code, name });
    if (res.status !== 201) throw new Error(`area ${code}: ${res.status} ${res.text}`);
  }
}
