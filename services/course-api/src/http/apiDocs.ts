import { dirname } from 'node:path';
import express, { Router } from 'express';

// The browsable reference ships inside swagger-ui-dist: no CDN, works offline.
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

const initializer = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui', deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
`;

/** `/openapi.json` and the Swagger UI reference page at `/docs/`. */
export function apiDocsRouter(document: unknown): Router {
  const router = Router();
  router.get('/openapi.json', (req, res) => {
    req.routeTemplate = '/openapi.json';
    res.json(document);
  });
  router.use('/docs', (req, res, next) => {
    req.routeTemplate = '/docs';
    // The page loads its assets by relative URLs, which need the trailing slash.
    if (req.originalUrl === '/docs') return res.redirect(301, '/docs/');
    next();
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(initializer);
  });
  router.use('/docs', express.static(SWAGGER_UI_DIR, { index: 'index.html' }));
  return router;
}
