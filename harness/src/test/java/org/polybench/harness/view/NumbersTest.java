package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The formatting rules of {@link Durations} and {@link Numbers}, one case a line of view/formats.csv. */
class NumbersTest {
  private static final Map<String, Function<String, String>> FUNCTIONS = Map.of(
      "duration", s -> Durations.format(Double.parseDouble(s)),
      "duration-compact", s -> Durations.formatCompact(Double.parseDouble(s)),
      "factor", s -> Numbers.factor(Double.parseDouble(s)),
      "percent", s -> Numbers.percent(Double.parseDouble(s)),
      "size", s -> Numbers.size(Long.parseLong(s)),
      "size-compact", s -> Numbers.sizeCompact(Double.parseDouble(s)),
      "gib", s -> Numbers.gib(Long.parseLong(s)));

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvFileSource(resources = "/view/formats.csv", delimiter = '|', encoding = "UTF-8")
  void formats(String function, String input, String expected) {
    Function<String, String> f = FUNCTIONS.get(function);
    if (f == null) throw new IllegalArgumentException("formats.csv: unknown function " + function);
    assertEquals(expected, f.apply(input));
  }
}
