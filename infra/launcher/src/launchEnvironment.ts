/**
 * The environment the services are started with: the caller's, plus the defaults that
 * make `npm start` on a laptop work at once (development mode with the development
 * issuer, fixed local ports). Anything the caller sets wins.
 */
export function launchEnvironment(env: NodeJS.ProcessEnv, databaseUrl: string): Record<string, string | undefined> {
  return {
    MEDFRI_MODE: env.MEDFRI_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development'),
    PORT: '8080',
    MEDFRI_TIMELINE_PORT: '8081',
    MEDFRI_PROJECTOR_PORT: '8082',
    ...env,
    DATABASE_URL: databaseUrl,
  };
}
