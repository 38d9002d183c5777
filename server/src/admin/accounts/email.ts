import { z } from 'zod';

/** An admin's email, trimmed and lower-cased so one person has one account whatever they type. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'the email may have at most 254 characters')
  .email('not a valid email address')
  .transform((e) => e.toLowerCase());

/** The same normalising for a login attempt, which must not reveal whether the address is well formed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
