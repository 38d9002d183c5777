import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { passwordSchema } from './password.ts';
import { addUser, findUserByEmail, setPassword } from './users.ts';

export const DEMO_ADMIN_EMAIL = 'demo@shoploop.local';

export interface DemoAdmin {
  email: string;
  password: string;
  /** true when the password was made up for this start (print it); false when it came from the environment */
  generated: boolean;
}

/**
 * `npm start`'s admin account: SHOPLOOP_DEMO_ADMIN_PASSWORD when set (end-to-end tests), else a new random
 * password on every start, printed with the admin URL, so a newcomer can always log in.
 */
export async function ensureDemoAdmin(db: Db, fromEnv: string | undefined, now: number): Promise<DemoAdmin> {
  if (fromEnv !== undefined) {
    const checked = passwordSchema.safeParse(fromEnv);
    if (!checked.success) throw new Error(`SHOPLOOP_DEMO_ADMIN_PASSWORD: ${checked.error.issues.map((i) => i.message).join('; ')}`);
  }
  const password = fromEnv ?? randomBytes(15).toString('base64url');
  const user = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
  if (user) await setPassword(db, user.id, password, now);
  else await addUser(db, DEMO_ADMIN_EMAIL, password, now);
  return { email: DEMO_ADMIN_EMAIL, password, generated: fromEnv === undefined };
}
