import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  bi,
  type FieldError,
  type ListQuery,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { areaLevel, shanghaiDateOf, townshipOf } from '@fupin/reference';
import { historyEntry, type InspectionFiles } from './inspection-files';
import type { Inspection, InspectionPlan } from './inspection.model';
import type { InspectionFilter, InspectionInput } from './inspection.schemas';
import type { PlanService } from './plan.service';

export const INSPECTION_NOT_FOUND = {
  what: bi('督查记录', 'Inspection'),
  code: 'ASSESSMENT_INSPECTION_NOT_FOUND',
};

export type InspectionView = Omit<Inspection, '_id'> & { id: string };
const view = ({ _id, ...rest }: Inspection): InspectionView => ({ id: _id, ...rest });

/** What an inspection may not be: in the future, outside its plan, or of a check the plan lacks. */
export function inspectionErrors(
  input: InspectionInput,
  plan: Pick<InspectionPlan, 'areas' | 'checks'> | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.inspectedOn > today) {
    errors.push({
      field: 'inspectedOn',
      code: 'in_future',
      message: bi('督查日期不能晚于今天', 'the inspection day cannot be after today'),
    });
  }
  const level = areaLevel(input.areaCode);
  if (level !== 'township' && level !== 'village') {
    errors.push({
      field: 'areaCode',
      code: 'not_township_or_village',
      message: bi('督查地点须为乡镇或行政村', 'an inspection is of a township or a village'),
    });
  } else if (plan && !plan.areas.includes(townshipOf(input.areaCode)!)) {
    errors.push({
      field: 'areaCode',
      code: 'outside_plan',
      message: bi('该地点不在督查计划范围内', "the area is not one of the plan's townships"),
    });
  }
  input.findings.forEach((f, i) => {
    if (plan && !plan.checks.includes(f.check)) {
      errors.push({
        field: `findings.${i}.check`,
        code: 'not_in_plan',
        message: bi('督查事项不在计划的清单中', "the check is not on the plan's checklist"),
      });
    }
  });
  return errors;
}

/** 督查记录 — inspections with their findings and photos, scoped by the area inspected. */
export class InspectionService {
  constructor(
    private readonly deps: {
      inspections: ScopedRepository<Inspection>;
      plans: PlanService;
      files: InspectionFiles;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: InspectionInput): Promise<InspectionView> {
    this.deps.inspections.assertWritable(p, input.areaCode);
    const plan = input.planId ? await this.deps.plans.load(p, input.planId) : null;
    const now = this.deps.now();
    const errors = inspectionErrors(input, plan, shanghaiDateOf(now));
    if (errors.length) {
      throw unprocessable(
        'ASSESSMENT_INSPECTION_INVALID',
        bi('督查记录有误，请查看标出的字段', 'The inspection is invalid; see the listed fields'),
        errors,
      );
    }
    const photos = await this.deps.files.resolve(p, input.photoFileIds, 'photoFileIds');
    const doc: Inspection = {
      _id: randomUUID(),
      planId: plan?._id ?? null,
      planName: plan?.name ?? null,
      areaCode: input.areaCode,
      townshipCode: townshipOf(input.areaCode)!,
      inspectedOn: input.inspectedOn,
      inspectors: input.inspectors,
      inspectorUnit: input.inspectorUnit,
      summary: input.summary ?? null,
      findings: input.findings.map((f) => ({
        id: randomUUID(),
        check: f.check,
        text: f.text,
        severity: f.severity,
        householdId: f.householdId ?? null,
        rectificationId: null,
      })),
      photos,
      revision: 1,
      createdBy: { id: p.userId, name: p.username },
      createdAt: now,
      updatedAt: now,
      history: [historyEntry(p, now, 'recorded', { note: `发现问题 ${input.findings.length} 个` })],
    };
    await this.deps.inspections.create(p, doc);
    await this.deps.files.link(
      photos.map((f) => f.fileId),
      doc.areaCode,
    );
    return view(doc);
  }

  async get(p: Principal, id: string): Promise<InspectionView> {
    return view(await this.deps.inspections.get(p, id, INSPECTION_NOT_FOUND));
  }

  async load(p: Principal, id: string): Promise<Inspection> {
    return this.deps.inspections.get(p, id, INSPECTION_NOT_FOUND);
  }

  /**
   * Notes on a finding the order opened from it, in the inspection's history too: written on
   * the revision read, read again when another write got there first.
   */
  async noteRectification(
    p: Principal,
    inspectionId: string,
    findingId: string,
    rectificationId: string,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.deps.inspections.findOne(READ_IN_SCOPE, { _id: inspectionId });
      if (!current) return;
      const now = this.deps.now();
      const findings = current.findings.map((x) =>
        x.id === findingId ? { ...x, rectificationId } : x,
      );
      const res = await this.deps.inspections.updateOne(
        READ_IN_SCOPE,
        { _id: inspectionId, revision: current.revision },
        {
          $set: { findings, revision: current.revision + 1, updatedAt: now },
          $push: {
            history: historyEntry(p, now, 'rectification_opened', {
              note: current.findings.find((x) => x.id === findingId)?.text ?? null,
            }),
          },
        },
      );
      if (res.modifiedCount === 1) return;
    }
  }

  async list(p: Principal, q: ListQuery<InspectionFilter>) {
    const f = q.filter;
    const filter = allOf(
      f.planId ? { planId: f.planId } : {},
      f.areaCode ? areaWithin(f.areaCode, 'areaCode') : {},
    );
    const { items, total } = await this.deps.inspections.page(p, filter, q, { history: 0 });
    return { items: items.map(view), total };
  }
}
