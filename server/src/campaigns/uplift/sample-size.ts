import { Z_95 } from './newcombe.ts';

/** Φ⁻¹(0.8): power 0.8. */
const Z_POWER_80 = 0.8416212335729143;

/**
 * People needed in each of two equal groups to detect an absolute difference `delta` in conversion rate with a
 * two-sided test at α = 0.05 and power 0.8, around the observed pooled rate p̄ (Fleiss, Levin & Paik,
 * "Statistical Methods for Rates and Proportions", 3rd ed., eq. 4.14, without continuity correction):
 *
 *   n = ⌈ ( z₀.₉₇₅ · √(2 p̄ (1 − p̄)) + z₀.₈ · √(p₁ (1 − p₁) + p₂ (1 − p₂)) )² / δ² ⌉,
 *   p₁ = p̄ − δ/2, p₂ = p̄ + δ/2,
 *
 * with p̄ clamped to [δ/2, 1 − δ/2] so both rates are proportions (0 conversions so far asks as much as rates of
 * 0 % against 2 %, not nothing).
 */
export function sampleSizePerGroup(pooledRate: number, delta: number = 0.02): number {
  const p = Math.min(1 - delta / 2, Math.max(delta / 2, pooledRate));
  const p1 = p - delta / 2;
  const p2 = p + delta / 2;
  const root = Z_95 * Math.sqrt(2 * p * (1 - p)) + Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  // The small epsilon keeps an exact integer result (up to float noise) from rounding up one person too many.
  return Math.ceil((root * root) / (delta * delta) - 1e-9);
}
