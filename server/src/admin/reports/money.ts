/** Money summed from many floats drifts (0.1 + 0.2): reports answer in cents. */
export const money = (value: number) => Math.round(value * 100) / 100;
