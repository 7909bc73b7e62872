package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void factorsOneDecimalBelowTenWholeAbove() {
    assertEquals("1.0x", Numbers.factor(1.0));
    assertEquals("1.0x", Numbers.factor(1.04));
    assertEquals("1.1x", Numbers.factor(1.05));
    assertEquals("9.9x", Numbers.factor(9.94));
    assertEquals("10x", Numbers.factor(9.96));
    assertEquals("37x", Numbers.factor(37.2));
    assertEquals("412x", Numbers.factor(412.4));
    assertEquals("1235x", Numbers.factor(1234.5));
  }

  @Test
  void percents() {
    assertEquals("1.2%", Numbers.percent(0.012));
    assertEquals("0.1%", Numbers.percent(0.0005));
    assertEquals("<0.1%", Numbers.percent(0.0004));
    assertEquals("12%", Numbers.percent(0.123));
  }

  @Test
  void sizes() {
    assertEquals("10,000,000", Numbers.size(10_000_000));
    assertEquals("1,000", Numbers.size(1_000));
    assertEquals("1k", Numbers.sizeCompact(1e3));
    assertEquals("10M", Numbers.sizeCompact(1e7));
    assertEquals("2.5k", Numbers.sizeCompact(2_500));
    assertEquals("100", Numbers.sizeCompact(100));
    assertEquals("1G", Numbers.sizeCompact(1e9));
  }

  @Test
  void memory() {
    assertEquals("62.8 GiB", Numbers.gib(67_430_178_816L));
    assertEquals("16.0 GiB", Numbers.gib(17_179_869_184L));
  }
}
