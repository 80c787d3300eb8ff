import path from 'node:path';
import { authenticate, handle, type TokenVerifier } from '@fupin/kit';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { absolutePath } from 'swagger-ui-dist';
import { mergeOpenApi } from './merge';

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: './openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

const INDEX = `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>精准扶贫平台 API</title>
    <link rel="stylesheet" href="./swagger-ui.css" />
    <link rel="stylesheet" href="./index.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="./swagger-ui-bundle.js"></script>
    <script src="./swagger-ui-standalone-preset.js"></script>
    <script src="./swagger-initializer.js"></script>
  </body>
</html>
`;

/**
 * `/api/docs`: Swagger UI over the merged OpenAPI document of the gateway and every
 * service, fetched from the services when asked for, so it is never stale. The page is
 * public (it holds nothing of the platform); the document needs a valid token, as each
 * service's own `/api/<service>/openapi.json` does.
 */
export function docsRoutes(
  router: Router,
  opts: {
    gatewayDoc: Record<string, unknown>;
    services: Record<string, string>;
    logger: Logger;
    verify: TokenVerifier;
  },
): void {
  router.get(
    '/api/docs/openapi.json',
    authenticate(opts.verify),
    handle(async (_req, res) => {
      const docs: Record<string, Record<string, unknown>> = {};
      await Promise.all(
        Object.entries(opts.services).map(async ([name, base]) => {
          try {
            const r = await fetch(`${base}/openapi.json`, { signal: AbortSignal.timeout(3000) });
            if (r.ok) docs[name] = (await r.json()) as Record<string, unknown>;
          } catch (err) {
            opts.logger.warn({ service: name, err }, 'docs: service document unavailable');
          }
        }),
      );
      const ordered = Object.fromEntries(
        Object.keys(opts.services)
          .filter((n) => docs[n])
          .map((n) => [n, docs[n]!]),
      );
      res.json(mergeOpenApi(opts.gatewayDoc, ordered));
    }),
  );
  // Relative asset URLs need the trailing slash.
  router.get('/api/docs', (req, res) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, '/api/docs/');
    res.type('html').send(INDEX);
  });
  router.get('/api/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.use(
    '/api/docs',
    express.static(path.resolve(absolutePath()), { index: false, maxAge: '1h' }),
  );
}
