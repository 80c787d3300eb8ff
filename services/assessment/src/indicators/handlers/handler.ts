import type { Envelope } from '@fupin/contracts';
import type { RegistryProjection } from '@fupin/kit';
import type { AreaNameModel } from '../fact.model';
import type { FactChange, FactStore } from '../fact.store';

/** What a producer's handler may write to. */
export interface HandlerContext {
  facts: FactStore;
  areas: AreaNameModel;
  households: RegistryProjection;
}

/**
 * How the assessment reads one producer's events: the topics it consumes and what each event
 * changes. One file per producer, so a producer's new contract is one small file here.
 */
export interface ProducerHandler {
  producer: string;
  topics: string[];
  handle(event: Envelope, ctx: HandlerContext): Promise<FactChange[]>;
  /**
   * A batch of one topic's events in order, with what each changed; a producer without it has
   * its events handled one by one.
   */
  handleMany?(
    events: Envelope[],
    ctx: HandlerContext,
  ): Promise<{ event: Envelope; changes: FactChange[] }[]>;
}
