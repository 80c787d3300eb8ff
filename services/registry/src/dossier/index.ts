import { dossierPartRoute, scopedRepository } from '@fupin/kit';
import type { RegistryContext, RegistryModule } from '../module';
import { type FollowUpRecord, followUpModel } from '../monitoring/follow-up.model';
import { type MonitoringWarning, warningModel } from '../monitoring/warning.model';
import { povertyLinesOf } from '../workflows';
import { RegistryDossier } from './dossier.service';

/**
 * 一户一档 — the registry's part of a household's dossier (the gateway assembles the parts), at
 * `GET /dossier/households/{id}`. The registry owns these facts: its part is never behind.
 */
export function dossierModule(ctx: RegistryContext): RegistryModule {
  const lines = povertyLinesOf(ctx);
  const dossier = new RegistryDossier({
    households: ctx.repos.households,
    warnings: scopedRepository<MonitoringWarning>(warningModel(ctx.rt.conn)),
    followUps: scopedRepository<FollowUpRecord>(followUpModel(ctx.rt.conn)),
    lines: (areaCode) => lines.lookupFor(areaCode),
    now: ctx.now,
  });
  return {
    name: 'dossier',
    routes: (router) =>
      dossierPartRoute(router, { module: 'registry', read: (p, id) => dossier.read(p, id) }),
  };
}
