package org.polybench.harness.verify;

/**
 * How far a correct float64 dot product (or sum) of n terms may be from the exact value, relative
 * to the sum of the terms' magnitudes, whatever order it adds in: sequential, pairwise (NumPy),
 * SIMD lanes, with or without fma (docs/workloads.md#dot).
 *
 * <p>The worst case is gamma_n = n u / (1 - n u), u = 2^-53 (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., eq. 3.4-3.5): 1.1e-9 at 1e7, as loose as the old fixed 1e-9.
 * Rounding errors are not worst-case, though: modelled as independent with mean zero, the error
 * stays within gammaTilde_n(lambda) = exp(lambda sqrt(n) u + n u^2 / (1 - u)) - 1 with probability
 * at least 1 - 2n exp(-lambda^2 (1 - u)^2 / 2) (Higham and Mary, SIAM J. Sci. Comput. 41(5),
 * 2019, thm. 3.1 and 4.2). With lambda = 10 that probability is 1 - 4e-15 at n = 1e7 and the bound
 * is 3.5e-12 there (3.5e-14 at 1e3): the tolerance is the smaller of the two bounds, plus 2u for
 * the reference's own rounding.
 */
public final class FloatBound {
  /** Unit roundoff of float64. */
  public static final double U = 0x1p-53;

  /** The probabilistic bound's lambda (see the class comment). */
  public static final double LAMBDA = 10;

  private FloatBound() {}

  /** The relative bound for n products summed in any order (multiply by the sum of |a_i b_i|). */
  public static double dot(long n) {
    double nu = n * U;
    double worst = nu < 1 ? nu / (1 - nu) : Double.POSITIVE_INFINITY;
    double probable = Math.expm1(LAMBDA * Math.sqrt(n) * U + n * U * U / (1 - U));
    return Math.min(worst, probable) + 2 * U;
  }
}
