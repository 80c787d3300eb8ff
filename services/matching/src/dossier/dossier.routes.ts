import {
  dossierBehind,
  handle,
  idParam,
  parseInput,
  principalOf,
  requireRight,
  type ServiceRuntime,
} from '@fupin/kit';
import type { Router } from 'express';
import type { MatchingDossier } from './dossier.service';

/** `GET /dossier/households/{id}`: matching's part of the household's 一户一档. */
export function dossierRoutes(
  router: Router,
  deps: { dossier: MatchingDossier; rt: Pick<ServiceRuntime, 'kafka'>; registryUrl: string },
): void {
  router.get(
    '/dossier/households/:id',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const access = { registryUrl: deps.registryUrl, authorization: req.headers.authorization };
      res.json(
        await deps.dossier.read(principalOf(req), id, () =>
          dossierBehind(deps.rt, access, req.log),
        ),
      );
    }),
  );
}
