package org.polybench.harness.compare;

/**
 * One cell measured and verified in both runs: the ratio NEW/BASE of the medians (below 1 is
 * faster) with its bootstrap interval, the Mann-Whitney p-value, the p-value after the
 * correction for the number of cells compared, and the verdict.
 */
public record CellChange(
    CellKey cell,
    double baseMedian,
    double newMedian,
    int baseSamples,
    int newSamples,
    double ratio,
    double ratioLow,
    double ratioHigh,
    double ciLevel,
    double pValue,
    double pAdjusted,
    Verdict verdict) {}
