/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005). Purchase rates λ ~ Gamma(r, alpha); after each purchase a
 * buyer drops out with probability p ~ Beta(a, b). `alpha` carries the time unit of the fit.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
