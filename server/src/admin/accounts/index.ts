import type { AppDeps } from '../../app-deps.ts';
import { adminAccess } from './admin-access.ts';
import { adminAuthRoutes } from './auth-routes.ts';
import { LoginThrottle } from './login-throttle.ts';
import { adminSecureHeaders } from './secure-headers.ts';
import { SessionStore } from './sessions.ts';

/** What createApp mounts: the secure headers, the /admin/api guard, and the /admin/auth routes. */
export function adminAccounts(deps: AppDeps) {
  const { idleMinutes, hours } = deps.config.adminSession;
  const sessions = new SessionStore(deps.db, { idleMs: idleMinutes * 60_000, absoluteMs: hours * 3_600_000 });
  const throttle = new LoginThrottle(deps.db);
  return {
    headers: adminSecureHeaders(deps.config.trustProxy),
    guard: adminAccess(deps.adminTokenHash, sessions, deps.clock),
    routes: adminAuthRoutes(deps, sessions, throttle),
  };
}
