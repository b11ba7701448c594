"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startStatusServer = startStatusServer;
const node_http_1 = require("node:http");
/** `/metrics` for Prometheus and `/healthz` (database reachable, and what each projection is doing). */
async function startStatusServer(options) {
    const server = (0, node_http_1.createServer)((request, response) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const reply = async () => {
            if (request.method !== 'GET')
                return send(405, 'text/plain', 'Method Not Allowed');
            if (path === '/metrics')
                return send(200, options.registry.contentType, await options.registry.metrics());
            if (path === '/healthz') {
                const database = await options.pool.query('SELECT 1').then(() => true, () => false);
                const body = JSON.stringify({ status: database ? 'ok' : 'unavailable', database, projections: options.projections() });
                return send(database ? 200 : 503, 'application/json', body);
            }
            return send(404, 'text/plain', 'Not Found');
        };
        const send = (status, type, body) => {
            response.writeHead(status, { 'content-type': type }).end(body);
        };
        reply().catch((error) => {
            options.log.error({ err: error, path }, 'status request failed');
            if (!response.headersSent)
                send(500, 'text/plain', 'Internal Server Error');
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address();
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
        url: `http://${host}:${port}`,
        close: () => new Promise((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeAllConnections();
        }),
    };
}
//# sourceMappingURL=statusServer.js.map