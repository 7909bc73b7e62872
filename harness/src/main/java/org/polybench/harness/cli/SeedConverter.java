package org.polybench.harness.cli;

import picocli.CommandLine;

/** Seeds are unsigned 64-bit, as every runner reads them: 0 .. 18446744073709551615. */
public final class SeedConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return Long.parseUnsignedLong(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "bad seed '" + value + "': use a whole number from 0 to 18446744073709551615");
    }
  }
}
