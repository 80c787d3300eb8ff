import { dossierBehind, handle, idParam, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import type { SupportContext } from '../module';
import type { DossierService } from './dossier.service';

/**
 * `GET /dossier/households/:id` — support's part of the household's dossier (一户一档), for the
 * gateway to assemble. Its members come from the service's view of the registry, so the part
 * says how far that view is behind, measured with the caller's token.
 */
export function dossierRoutes(
  router: Router,
  dossier: DossierService,
  ctx: Pick<SupportContext, 'rt' | 'config'>,
): void {
  router.get(
    '/dossier/households/:id',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const access = {
        registryUrl: ctx.config.REGISTRY_URL,
        authorization: req.headers.authorization,
      };
      res.json(
        await dossier.part(principalOf(req), id, () => dossierBehind(ctx.rt, access, req.log)),
      );
    }),
  );
}
