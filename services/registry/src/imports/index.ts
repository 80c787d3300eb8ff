import type { RegistryContext, RegistryModule } from '../module';

/** Excel import and export of households and members (filled in by the import/export work). */
export function importsModule(_ctx: RegistryContext): RegistryModule {
  return { name: 'imports', routes: () => undefined };
}
