/**
 * Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's note 025). A buyer's
 * order values are Gamma(p, ν) with ν ~ Gamma(q, v) across buyers, so the mean order value is v·p/(q−1).
 * `v` is in the shop's currency.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}
