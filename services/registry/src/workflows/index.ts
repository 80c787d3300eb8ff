import type { RegistryContext, RegistryModule } from '../module';

/** 识别 / 退出 / 返贫 / 监测 — workflows with history (filled in by the workflows work). */
export function workflowsModule(_ctx: RegistryContext): RegistryModule {
  return { name: 'workflows', routes: () => undefined };
}
