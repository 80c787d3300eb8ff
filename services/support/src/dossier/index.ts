import type { SupportContext, SupportModule } from '../module';
import { dossierRoutes } from './dossier.routes';
import { DossierService } from './dossier.service';

/** 一户一档: support's part of a household's dossier. */
export function dossierModule(ctx: SupportContext): SupportModule {
  const dossier = new DossierService({ repos: ctx.repos, now: ctx.now });
  return { name: 'dossier', routes: (router) => dossierRoutes(router, dossier, ctx) };
}
