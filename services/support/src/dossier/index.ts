import { dossierPartRoute } from '@fupin/kit';
import type { SupportContext, SupportModule } from '../module';
import { DossierService } from './dossier.service';

/**
 * 一户一档: support's part of a household's dossier, at `GET /dossier/households/{id}`. Its
 * members come from the service's view of the registry, so the part says how far that view is
 * behind, measured with the caller's token.
 */
export function dossierModule(ctx: SupportContext): SupportModule {
  const dossier = new DossierService({ repos: ctx.repos, now: ctx.now });
  return {
    name: 'dossier',
    routes: (router) =>
      dossierPartRoute(router, {
        module: 'support',
        read: (p, id) => dossier.read(p, id),
        freshness: { rt: ctx.rt, registryUrl: ctx.config.REGISTRY_URL },
      }),
  };
}
