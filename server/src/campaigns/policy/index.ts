/** The one contact policy: every campaign's messages ask one per-person budget (caps, quiet hours, priority). */
export { contactPolicyPatchSchema, contactPolicySchema, defaultContactPolicy, type ContactPolicy } from './contact-policy.ts';
export { decideForPerson, type Decision, type PendingMessage, type PersonInput } from './decide.ts';
export { isValidTimeZone, resolveTimeZone } from './local-time.ts';
