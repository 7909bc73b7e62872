package org.polybench.harness.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a run starts its runner processes (--order). {@code sequential}: cell after
 * cell, every process of a cell one after the other (the order of the plan). {@code random}: the
 * processes of different cells interleaved, so a slow period of the machine falls on every
 * implementation alike rather than on whichever cell ran then: round k holds the k-th process of
 * every cell, in an order shuffled with the seed; a cell never runs twice in a row while another
 * cell has a process in the same or the next round (randomised blocks, as Kalibera and Jones
 * advise for repeated experiments).
 *
 * @param seed the shuffle's seed (recorded as settings.order_seed); unused when sequential
 */
public record Order(Kind kind, long seed) {
  public enum Kind {
    SEQUENTIAL,
    RANDOM;

    /** The word of --order and results.json's settings.order. */
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One runner process to start: the cell's index in the plan (0-based) and which of its processes (1-based). */
  public record Slot(int cell, int invocation) {}

  public static Order sequential() {
    return new Order(Kind.SEQUENTIAL, 0);
  }

  public static Order random(long seed) {
    return new Order(Kind.RANDOM, seed);
  }

  /** Every process of {@code cells} cells of {@code invocations} processes each, in this order. */
  public List<Slot> schedule(int cells, int invocations) {
    int n = Math.max(1, invocations);
    List<Slot> out = new ArrayList<>(cells * n);
    if (kind == Kind.SEQUENTIAL) {
      for (int c = 0; c < cells; c++) {
        for (int i = 1; i <= n; i++) out.add(new Slot(c, i));
      }
      return out;
    }
    // SplittableRandom mixes its seed: java.util.Random's first draws of nearby seeds (42, 43) are alike
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Integer> round = new ArrayList<>();
    for (int c = 0; c < cells; c++) round.add(c);
    for (int i = 1; i <= n; i++) {
      Collections.shuffle(round, rnd);
      // the round must not start with the cell the previous one ended with: swap it with another
      if (!out.isEmpty() && cells > 1 && round.get(0) == out.get(out.size() - 1).cell()) {
        Collections.swap(round, 0, 1 + rnd.nextInt(cells - 1));
      }
      for (int c : round) out.add(new Slot(c, i));
    }
    return out;
  }
}
