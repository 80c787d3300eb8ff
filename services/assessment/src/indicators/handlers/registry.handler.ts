import {
  AreaCreated,
  AreaUpdated,
  type Envelope,
  ExitTargetSet,
  HouseholdRegistered,
  MemberAdded,
  VillageUpdated,
} from '@fupin/contracts';
import type { FactChange } from '../fact.store';
import type { ProducerHandler } from './handler';
import { shanghaiDateOf } from '@fupin/reference';
import { isDuplicateKey } from '@fupin/kit';

/**
 * 建档立卡: households and members go to the kit's shared household projection; area names,
 * the yearly exit targets (脱贫目标) and the villages' population and exit become the
 * assessment's own records.
 */
/** A household's status or members count from the day the change happened on. */
const householdChange = (event: Envelope, changed: boolean): FactChange => ({
  recordId: event.aggregateId,
  changed,
  affects: { first: shanghaiDateOf(new Date(event.occurredAt)), last: null },
});

/** Household and member events carry the household's id as their aggregate. */
const isHouseholdEvent = (e: Envelope) =>
  e.type.startsWith('registry.household.') || e.type.startsWith('registry.member.');

export const registryHandler: ProducerHandler = {
  producer: 'registry',
  topics: [
    HouseholdRegistered.topic,
    MemberAdded.topic,
    AreaCreated.topic,
    ExitTargetSet.topic,
    VillageUpdated.topic,
  ],
  async handle(event: Envelope, ctx) {
    switch (event.type) {
      case AreaCreated.type:
      case AreaUpdated.type: {
        const { area } = AreaCreated.payload.parse(event.payload);
        const order = `${new Date(event.occurredAt).toISOString()}|${event.id}`;
        try {
          await ctx.areas.updateOne(
            { _id: area.code, order: { $lt: order } },
            {
              $set: {
                name: area.name,
                level: area.level,
                parentCode: area.parentCode,
                status: area.status,
                order,
              },
            },
            { upsert: true },
          );
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
        // Names change no measured value.
        return [];
      }
      case ExitTargetSet.type: {
        const { target } = ExitTargetSet.payload.parse(event.payload);
        const change = await ctx.facts.put(
          event,
          {
            kind: 'exit_target',
            recordId: `${target.areaCode}:${target.year}`,
            areaCode: target.areaCode,
            year: target.year,
            amounts: { households: target.households, people: target.people ?? 0 },
            data: {
              incidencePercent: target.incidencePercent ?? null,
              villages: target.villages ?? null,
              villageCodes: target.villageCodes ?? [],
            },
            rank: target.revision,
          },
          { first: `${target.year}-01-01`, last: `${target.year}-12-31` },
        );
        return [change];
      }
      case VillageUpdated.type: {
        const { village: v } = VillageUpdated.payload.parse(event.payload);
        const change = await ctx.facts.put(event, {
          kind: 'village',
          recordId: v.code,
          areaCode: v.code,
          townshipCode: v.townshipCode,
          status: v.exited ? 'exited' : v.poorVillage ? 'poor' : 'not_poor',
          year: v.exitYear,
          // 0 is how the contract says "not recorded".
          amounts: v.ruralPopulation > 0 ? { ruralPopulation: v.ruralPopulation } : {},
          data: {
            name: v.name,
            poorVillage: v.poorVillage,
            exited: v.exited,
            exitYear: v.exitYear,
          },
          rank: 0,
        });
        return [change];
      }
      default:
        return [householdChange(event, await ctx.households.apply(event))];
    }
  },
  /**
   * A batch of household and member events goes to the projection in one bulk call; an event
   * counts as changed when its household changed (the batch is written as one change).
   */
  async handleMany(events, ctx) {
    if (!events.every(isHouseholdEvent)) {
      const out = [];
      for (const event of events) out.push({ event, changes: await this.handle(event, ctx) });
      return out;
    }
    const changed = new Set(await ctx.households.applyMany(events));
    return events.map((event) => ({
      event,
      changes: [householdChange(event, changed.has(event.aggregateId))],
    }));
  },
};
