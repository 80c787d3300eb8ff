import type { DossierTimelineEntry } from '@fupin/contracts';
import { type Bounded, bounded, timelineDay } from '@fupin/kit';
import type {
  ChronicCareContract,
  InpatientEpisode,
  SeriousIllnessCase,
} from '../health/health.model';
import type { EpisodeTotals } from './dossier.reads';
import { entry, money, percent } from './dossier-time';

// 健康扶贫 in a household's dossier: in-patient episodes with the 90% top-up, chronic-care
// contracts, serious-illness relief, and what of them the timeline tells. Pure.

/** What the patient paid themself: the cost less the three layers and the top-up paid. */
export function outOfPocketFen(x: InpatientEpisode): number {
  return Math.max(0, x.totalCostFen - x.reimbursedFen - x.topUpPaidFen);
}

/** 住院报账: each stay with what each layer paid, the top-up paid or outstanding, and the sums. */
export function inpatientSection(episodes: Bounded<InpatientEpisode>, totals: EpisodeTotals) {
  const items = episodes.items.map((x) => ({
    id: x._id,
    personId: x.personId,
    name: x.name,
    hospital: x.hospital,
    admittedOn: x.admittedOn,
    dischargedOn: x.dischargedOn,
    diagnosis: x.diagnosis,
    totalCostFen: x.totalCostFen,
    basicInsuranceFen: x.basicInsuranceFen,
    seriousIllnessInsuranceFen: x.seriousIllnessInsuranceFen,
    medicalAssistanceFen: x.medicalAssistanceFen,
    reimbursedFen: x.reimbursedFen,
    ratioBasisPoints: x.ratioBasisPoints,
    targetBasisPoints: x.targetBasisPoints,
    topUpFen: x.topUpFen,
    topUpPaidFen: x.topUpPaidFen,
    topUpOutstandingFen: Math.max(0, x.topUpFen - x.topUpPaidFen),
    topUpStatus: x.topUpStatus,
    topUpPayments: x.topUpPayments.map((t) => ({
      id: t.id,
      amountFen: t.amountFen,
      paidOn: t.paidOn,
      department: t.department,
      voucherNo: t.voucherNo,
    })),
    outOfPocketFen: outOfPocketFen(x),
    treatFirstPayLater: x.treatFirstPayLater,
  }));
  return {
    ...bounded(items, episodes.total),
    totals: {
      ...totals,
      // A top-up is never paid beyond what is owed (the service refuses it).
      topUpOutstandingFen: totals.topUpFen - totals.topUpPaidFen,
      outOfPocketFen: Math.max(0, totals.totalCostFen - totals.reimbursedFen - totals.topUpPaidFen),
    },
  };
}

/** 慢病签约: the family-doctor contracts of the household's members. */
export function chronicCareSection(contracts: Bounded<ChronicCareContract>) {
  return bounded(
    contracts.items.map((c) => ({
      id: c._id,
      personId: c.personId,
      name: c.name,
      disease: c.disease,
      doctor: c.doctor,
      team: c.team,
      signedOn: c.signedOn,
      validUntil: c.validUntil,
      status: c.status,
      endedOn: c.endedOn,
    })),
    contracts.total,
  );
}

/** 大病救助: the members taken into serious-illness relief. */
export function seriousIllnessSection(illnesses: Bounded<SeriousIllnessCase>) {
  return bounded(
    illnesses.items.map((c) => ({
      id: c._id,
      personId: c.personId,
      name: c.name,
      disease: c.disease,
      hospital: c.hospital,
      diagnosedOn: c.diagnosedOn,
      includedOn: c.includedOn,
      status: c.status,
      closedOn: c.closedOn,
      note: c.note,
    })),
    illnesses.total,
  );
}

const EPISODE = 'support-inpatient-episodes';

/** Hospital stays (at admission), top-ups paid, contracts signed and ended, relief cases. */
export function healthTimeline(
  episodes: InpatientEpisode[],
  contracts: ChronicCareContract[],
  illnesses: SeriousIllnessCase[],
): DossierTimelineEntry[] {
  const out: DossierTimelineEntry[] = [];
  for (const x of episodes) {
    const ref = { resource: EPISODE, id: x._id };
    const cost = money(x.totalCostFen);
    const paid = money(x.reimbursedFen);
    const until = x.dischargedOn ? ` – ${x.dischargedOn}` : '';
    out.push(
      entry(
        timelineDay(x.admittedOn),
        'inpatient_stay',
        `${x.name} 在${x.hospital}住院（${x.admittedOn}${until}），总费用${cost.zh}，报销${paid.zh}（${percent(x.ratioBasisPoints)}）`,
        `${x.name} in hospital at ${x.hospital} (${x.admittedOn}${until}): cost ${cost.en}, reimbursed ${paid.en} (${percent(x.ratioBasisPoints)})`,
        ref,
      ),
    );
    for (const t of x.topUpPayments) {
      const amount = money(t.amountFen);
      out.push(
        entry(
          timelineDay(t.paidOn),
          'top_up_paid',
          `${x.name} 住院追补${amount.zh}已支付（${t.department}）`,
          `${x.name}: in-patient top-up of ${amount.en} paid (${t.department})`,
          ref,
        ),
      );
    }
  }
  for (const c of contracts) out.push(...contractEntries(c));
  for (const c of illnesses) out.push(...illnessEntries(c));
  return out;
}

function contractEntries(c: ChronicCareContract): DossierTimelineEntry[] {
  const ref = { resource: 'support-chronic-care', id: c._id };
  const out = [
    entry(
      timelineDay(c.signedOn),
      'chronic_care_signed',
      `${c.name} 签约慢病家庭医生（${c.disease}，${c.doctor}）`,
      `${c.name} signed a chronic-care contract (${c.disease}, ${c.doctor})`,
      ref,
    ),
  ];
  if (c.endedOn)
    out.push(
      entry(
        timelineDay(c.endedOn),
        'chronic_care_ended',
        `${c.name} 慢病签约结束（${c.disease}）`,
        `${c.name}'s chronic-care contract ended (${c.disease})`,
        ref,
      ),
    );
  return out;
}

function illnessEntries(c: SeriousIllnessCase): DossierTimelineEntry[] {
  const ref = { resource: 'support-serious-illness', id: c._id };
  const out = [
    entry(
      timelineDay(c.includedOn),
      'serious_illness_included',
      `${c.name} 纳入大病救助（${c.disease}）`,
      `${c.name} taken into serious-illness relief (${c.disease})`,
      ref,
    ),
  ];
  if (c.closedOn)
    out.push(
      entry(
        timelineDay(c.closedOn),
        'serious_illness_closed',
        `${c.name} 大病救助结案（${c.disease}）`,
        `${c.name}'s serious-illness relief closed (${c.disease})`,
        ref,
      ),
    );
  return out;
}
