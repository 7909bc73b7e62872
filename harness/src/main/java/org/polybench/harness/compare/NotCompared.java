package org.polybench.harness.compare;

/** A cell of one or both runs that was listed, not compared, and why (unverified, failed, too few samples). */
public record NotCompared(CellKey cell, String reason) {}
