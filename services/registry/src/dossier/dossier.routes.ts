import { handle, idParam, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import type { RegistryDossier } from './dossier.service';

/** `GET /dossier/households/{id}`: the registry's part of the household's 一户一档. */
export function dossierRoutes(router: Router, dossier: RegistryDossier): void {
  router.get(
    '/dossier/households/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await dossier.read(principalOf(req), id));
    }),
  );
}
