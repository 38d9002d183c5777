/** A person's id: the customer once identified (all their devices), else the single visitor. */
export const customerProfileId = (customerId: string) => `c:${customerId}`;
export const visitorProfileId = (visitorId: string) => `v:${visitorId}`;

export function parseProfileId(profileId: string): { kind: 'customer' | 'visitor'; id: string } {
  return { kind: profileId.startsWith('c:') ? 'customer' : 'visitor', id: profileId.slice(2) };
}
