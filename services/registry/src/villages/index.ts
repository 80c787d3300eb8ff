import type { RegistryContext, RegistryModule } from '../module';

/** 行政村 facts, the area-tree import, statistics and the snapshot stream (filled in by that work). */
export function villagesModule(_ctx: RegistryContext): RegistryModule {
  return { name: 'villages', routes: () => undefined };
}
