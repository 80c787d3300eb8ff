import {
  AreaCreated,
  AreaUpdated,
  type Envelope,
  ExitTargetSet,
  HouseholdRegistered,
  MemberAdded,
} from '@fupin/contracts';
import { shanghaiDay } from '../../scoring/period';
import type { ProducerHandler } from './handler';

/**
 * 建档立卡: households and members go to the kit's shared household projection; area names and
 * the yearly exit targets (脱贫目标) become the assessment's own records.
 */
export const registryHandler: ProducerHandler = {
  producer: 'registry',
  topics: [HouseholdRegistered.topic, MemberAdded.topic, AreaCreated.topic, ExitTargetSet.topic],
  async handle(event: Envelope, ctx) {
    const day = shanghaiDay(new Date(event.occurredAt));
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
          if ((err as { code?: unknown }).code !== 11000) throw err;
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
            rank: target.revision,
          },
          { first: `${target.year}-01-01`, last: `${target.year}-12-31` },
        );
        return [change];
      }
      default: {
        const changed = await ctx.households.apply(event);
        // A household's status or members count from the day the change happened on.
        return [{ recordId: event.aggregateId, changed, affects: { first: day, last: null } }];
      }
    }
  },
};
