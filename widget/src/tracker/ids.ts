/**
 * A random id that sorts by creation time: epoch ms in base 36 (8 digits until 2059), then about 50 random bits
 * after the point of a base-36 fraction (uniqueness is all an id needs; none of them is a secret). Fits the
 * collector's rule: ≤ 64 chars of [\w.:-].
 */
export const newId = (): string => Date.now().toString(36) + Math.random().toString(36).slice(1);
