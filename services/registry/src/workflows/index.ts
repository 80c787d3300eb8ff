import type { RegistryContext, RegistryModule } from '../module';
import { workflowRoutes } from './workflow.routes';
import { WorkflowService } from './workflow.service';

/** 识别 / 退出 / 返贫 / 监测 — workflows with history, over the household aggregate. */
export function workflowsModule(ctx: RegistryContext): RegistryModule {
  const service = new WorkflowService({ households: ctx.services.households, now: ctx.now });
  return { name: 'workflows', routes: (router) => workflowRoutes(router, service) };
}
