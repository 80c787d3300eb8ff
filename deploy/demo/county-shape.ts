// The demo county's shape: its codes, the year its data describes, and what a township, a
// village, a household and a member of it hold.

import type { Sex } from './names';

export const COUNTY_CODE = '431121000000';
export const COUNTY_NAME = '临溪县';
/** The year the data describes: incomes are 2020 incomes, ages are ages in 2020. */
export const DATA_YEAR = 2020;

export type HouseholdStatus =
  'in_poverty' | 'exited' | 'returned' | 'unstable' | 'marginal' | 'sudden_hardship';
export type GuaranteeCode =
  'food' | 'clothing' | 'compulsory_education' | 'basic_medical' | 'housing_safety' | 'safe_water';
export const GUARANTEE_CODES: readonly GuaranteeCode[] = [
  'food',
  'clothing',
  'compulsory_education',
  'basic_medical',
  'housing_safety',
  'safe_water',
];

export interface DemoOptions {
  /** Seed of every random choice (default 2020). */
  seed?: number;
  /** Registered people to generate (default 25,000; households ≈ people / 3). */
  people?: number;
}

export interface DemoVillage {
  code: string;
  name: string;
  townshipCode: string;
  groups: number;
  /** 贫困村 and its level, with the year it exited (null while still poor). */
  poorVillage: 'provincial' | 'city' | null;
  exitYear: number | null;
  /** Registered households planned for the village. */
  households: number;
  ruralPopulation: number;
  totalHouseholds: number;
  yaoVillage: boolean;
}

export interface DemoTownship {
  code: string;
  name: string;
  villages: DemoVillage[];
}

export interface DemoMember {
  name: string;
  idNumber: string;
  relation: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string;
  educationLevel: string;
  inSchool: boolean;
  schoolStage: string | null;
  health: string;
  disabilityGrade: string | null;
  labourCapacity: string;
  migrantWork: { working: boolean; place: string | null; months: number | null };
  medicalInsurance: boolean;
  pensionInsurance: boolean;
  minimumAllowance: boolean;
  destituteSupport: boolean;
}

export interface DemoHousehold {
  householdNo: string;
  areaCode: string;
  townshipCode: string;
  groupNo: number;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  status: HouseholdStatus;
  attribute: 'ordinary' | 'minimum_allowance' | 'destitute';
  mainCause: string;
  otherCauses: string[];
  guarantees: Record<GuaranteeCode, boolean>;
  housingGrade: 'A' | 'B' | 'C' | 'D';
  identificationYear: number | null;
  exitYear: number | null;
  partyMember: boolean;
  income: {
    year: number;
    wagesFen: number;
    productionFen: number;
    propertyFen: number;
    transferFen: number;
  };
  members: DemoMember[];
}
