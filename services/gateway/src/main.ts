import { serveService } from '@fupin/kit';
import { createGateway } from './gateway';
import { openGatewayRuntime } from './startup';

serveService('gateway', async () => {
  const { keys, config, rt } = await openGatewayRuntime();
  return { rt, compose: () => createGateway(rt, config, keys) };
});
