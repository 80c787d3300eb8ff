import {
  COUNTY,
  type Platform,
  type PlatformParts,
  platformService,
  startPlatform,
} from '@fupin/testing';
import { createLogger } from '@fupin/kit';
import { assessmentConfigSchema } from '../../../assessment/src/config';
import { createAssessment } from '../../../assessment/src/assessment';
import { assistanceConfigSchema } from '../../../assistance/src/config';
import { createAssistance } from '../../../assistance/src/assistance';
import { fundsConfigSchema } from '../../../funds/src/config';
import { createFunds } from '../../../funds/src/funds';
import { matchingConfigSchema } from '../../../matching/src/config';
import { createMatching } from '../../../matching/src/matching';
import { registryConfigSchema } from '../../../registry/src/config';
import { createRegistry } from '../../../registry/src/registry';
import { supportConfigSchema } from '../../../support/src/config';
import { createSupport } from '../../../support/src/support';
import { createGateway } from '../../src/gateway';
import { openGatewayRuntime } from '../../src/startup';

/**
 * The county's platform for @fupin/testing's startPlatform: every service by its own
 * composition root (all on one queue prefix, the topic prefix), the gateway in front.
 */
export const county = {
  services: [
    platformService({
      name: 'registry',
      personalData: true,
      schema: registryConfigSchema,
      compose: (rt, c) => createRegistry(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX }),
    }),
    // 数据比对: consumes the registry's events (same topic prefix), rebuilds from its snapshot.
    platformService({
      name: 'matching',
      personalData: true,
      readsRegistry: true,
      schema: matchingConfigSchema,
      compose: (rt, c) => createMatching(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX }),
    }),
    // 项目资金: its registry projection rebuilds from the registry's snapshot.
    platformService({
      name: 'funds',
      personalData: true,
      readsRegistry: true,
      schema: fundsConfigSchema,
      compose: (rt, c) => createFunds(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX }),
    }),
    // 教育与健康扶贫: consumes the registry's events, rebuilds from its snapshot.
    platformService({
      name: 'support',
      personalData: true,
      readsRegistry: true,
      schema: supportConfigSchema,
      compose: (rt, c) => createSupport(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX }),
    }),
    // 考核: consumes every service's events; the quarterly job is not needed here.
    platformService({
      name: 'assessment',
      personalData: true,
      readsRegistry: true,
      env: { COUNTY_AREA_CODE: COUNTY },
      schema: assessmentConfigSchema,
      compose: (rt, c) =>
        createAssessment(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX, startJob: false }),
    }),
    // 帮扶: consumes the registry's events, rebuilds from its snapshot.
    platformService({
      name: 'assistance',
      personalData: true,
      readsRegistry: true,
      schema: assistanceConfigSchema,
      compose: (rt, c) => createAssistance(rt, c, { queuePrefix: c.KAFKA_TOPIC_PREFIX }),
    }),
  ],
  async gateway(env, destination) {
    const { keys, config, rt } = await openGatewayRuntime(env, {
      logger: (level) => createLogger({ name: 'gateway', level, destination }),
    });
    const gateway = await createGateway(rt, config, keys).catch(async (err: unknown) => {
      await rt.shutdown.run('start failed');
      throw err;
    });
    return {
      rt,
      gateway,
      config,
      keys,
      bootstrapAdmin: (input: { username: string; displayName: string; areaCode: string }) =>
        gateway.users.bootstrapAdmin(input),
    };
  },
} satisfies PlatformParts<CountyGateway>;

/** The gateway as the county's platform opens it: its composition, config and signing keys. */
export interface CountyGateway {
  rt: Awaited<ReturnType<typeof openGatewayRuntime>>['rt'];
  gateway: Awaited<ReturnType<typeof createGateway>>;
  config: Awaited<ReturnType<typeof openGatewayRuntime>>['config'];
  keys: Awaited<ReturnType<typeof openGatewayRuntime>>['keys'];
  bootstrapAdmin(input: {
    username: string;
    displayName: string;
    areaCode: string;
  }): Promise<{ initialPassword: string }>;
}

export type CountyPlatform = Platform<CountyGateway>;

/** The county's platform on the real servers (see @fupin/testing's startPlatform). */
export function startCounty(opts: { gatewayEnv?: Record<string, string> } = {}) {
  return startPlatform<CountyGateway>(county, opts);
}
