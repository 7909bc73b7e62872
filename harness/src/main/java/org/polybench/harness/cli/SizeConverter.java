package org.polybench.harness.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/** Sizes as people write them: 1000, 1_000_000, 1e6. */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().replace("_", "");
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.signum() > 0 && d.stripTrailingZeros().scale() <= 0
          && d.compareTo(BigDecimal.valueOf(org.polybench.harness.plan.SizeGuard.MAX_SIZE)) > 0) {
        throw new CommandLine.TypeConversionException(String.format(
            "size '%s' is too large: sizes are at most %,d (2^53, the largest whole number every JSON reader keeps exact)",
            value, org.polybench.harness.plan.SizeGuard.MAX_SIZE));
      }
      long n = d.longValueExact();
      if (n < 1) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException(
          "bad size '" + value + "': sizes are positive whole numbers like 1000, 1_000_000 or 1e6");
    }
  }
}
