package org.polybench.harness.verify;

/**
 * Compensated arithmetic for reference answers: far more accurate than any implementation's plain
 * summation, so that every correct implementation lands well inside the float tolerance whatever
 * order it adds in.
 */
public final class Exact {
  private Exact() {}

  /** Neumaier's compensated sum, with exact products via fma (TwoProduct). */
  public static final class Sum {
    private double sum;
    private double compensation;

    public void add(double x) {
      double t = sum + x;
      if (Math.abs(sum) >= Math.abs(x)) {
        compensation += (sum - t) + x;
      } else {
        compensation += (x - t) + sum;
      }
      sum = t;
    }

    /** Adds a*b including the rounding error of the product. */
    public void addProduct(double a, double b) {
      double p = a * b;
      add(p);
      add(Math.fma(a, b, -p));
    }

    public double value() {
      return sum + compensation;
    }
  }
}
