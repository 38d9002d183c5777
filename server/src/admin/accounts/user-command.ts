import type { z } from 'zod';
import { CliError, parseArgs } from '../../cli/args.ts';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { publicServerUrl } from '../../sites/snippet.ts';
import { ApiError } from '../../http/errors.ts';
import { emailSchema } from './email.ts';
import { readHidden, type PromptTerminal } from './hidden-input.ts';
import { passwordSchema } from './password.ts';
import { issueSetPasswordToken } from './set-password-tokens.ts';
import { addUser, listUsers, removeUser } from './users.ts';

export interface UserCommandIo {
  db: Db;
  /** standard input: a TTY asks for the password, anything else (with no flag) gets a set-password link */
  stdin: PromptTerminal['input'];
  stdout: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  now: () => number;
}

export const userUsage = 'npm run shoploop -- admin user add EMAIL [--password-stdin] | admin user list | admin user remove EMAIL';

/** `admin user add|list|remove`: the accounts of the admin app. */
export async function adminUserCommand(argv: string[], io: UserCommandIo): Promise<void> {
  const args = parseArgs(argv, ['password-stdin']);
  const [sub, email, ...extra] = args.positionals;
  const known = sub === 'list' ? [] : sub === 'add' ? ['password-stdin'] : [];
  const unknownFlag = [...args.flags.keys()].find((f) => !known.includes(f));
  if (unknownFlag) throw new CliError(`unknown option --${unknownFlag}; usage: ${userUsage}`);
  try {
    if (sub === 'list' && email === undefined) return await list(io);
    if ((sub === 'add' || sub === 'remove') && email !== undefined && !extra.length) {
      const valid = check(emailSchema, email);
      return sub === 'add' ? await add(valid, args.flags.has('password-stdin'), io) : await remove(valid, io);
    }
  } catch (e) {
    if (e instanceof ApiError) throw new CliError(e.message); // an existing or unknown user
    throw e;
  }
  throw new CliError(`usage: ${userUsage}`);
}

async function add(email: string, fromStdin: boolean, io: UserCommandIo): Promise<void> {
  const password = fromStdin ? check(passwordSchema, await readAllStdin(io.stdin)) : io.stdin.isTTY ? await askTwice(io) : null;
  const user = await addUser(io.db, email, password, io.now());
  const base = publicServerUrl(io.env, loadConfig(io.env).port);
  if (password !== null) {
    io.stdout.write(`Added admin user ${user.email}. Log in at ${base}/admin\n`);
    return;
  }
  const token = await issueSetPasswordToken(io.db, user.id, io.now());
  io.stdout.write(`Added admin user ${user.email}. To choose the password, open this link within 24 hours (it works once):\n  ${base}/admin#/set-password/${token}\n`);
}

async function list(io: UserCommandIo): Promise<void> {
  const users = await listUsers(io.db);
  if (!users.length) {
    io.stdout.write('No admin users yet; add one with: npm run shoploop -- admin user add EMAIL\n');
    return;
  }
  const width = Math.max(...users.map((u) => u.email.length));
  for (const u of users) {
    const state = u.passwordSet ? 'password set' : 'waiting for its set-password link';
    io.stdout.write(`${u.email.padEnd(width)}  added ${new Date(u.createdAt).toISOString().slice(0, 10)}  ${state}, ${u.sessions} open session${u.sessions === 1 ? '' : 's'}\n`);
  }
}

async function remove(email: string, io: UserCommandIo): Promise<void> {
  const { sessions } = await removeUser(io.db, email);
  io.stdout.write(`Removed admin user ${email}; ${sessions} session${sessions === 1 ? '' : 's'} ended.\n`);
}

async function askTwice(io: UserCommandIo): Promise<string> {
  const terminal = { input: io.stdin, output: io.stdout };
  const first = check(passwordSchema, await readHidden('Password (12 characters or more): ', terminal));
  const second = await readHidden('Again: ', terminal);
  if (first !== second) throw new CliError('the two passwords differ; nothing was changed');
  return first;
}

/** The password piped in, without the line break `echo` adds (at most 64 KiB read). */
async function readAllStdin(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.length > 65_536) throw new CliError('--password-stdin: the input is too long for a password');
  }
  return text.replace(/\r?\n$/, '');
}

function check<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
}
