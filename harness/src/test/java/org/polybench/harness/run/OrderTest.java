package org.polybench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --order: what a seeded shuffle of the processes must be, and what sequential keeps. */
class OrderTest {
  @Test
  void sequentialIsTheOrderOfThePlanEachCellsProcessesBackToBack() {
    List<Order.Slot> s = Order.sequential().schedule(3, 2);
    assertEquals(List.of(new Order.Slot(0, 1), new Order.Slot(0, 2), new Order.Slot(1, 1), new Order.Slot(1, 2),
        new Order.Slot(2, 1), new Order.Slot(2, 2)), s);
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    assertEquals(Order.random(7).schedule(12, 3), Order.random(7).schedule(12, 3));
    assertNotEquals(Order.random(7).schedule(12, 3), Order.random(8).schedule(12, 3));
  }

  @Test
  void randomIsAPermutationOfEveryProcessOfEveryCell() {
    for (long seed = 0; seed < 50; seed++) {
      List<Order.Slot> s = Order.random(seed).schedule(5, 3);
      assertEquals(15, s.size());
      assertEquals(new HashSet<>(Order.sequential().schedule(5, 3)), new HashSet<>(s));
      // each cell's processes start in their own numbering order (process k before k+1)
      for (int c = 0; c < 5; c++) {
        int cell = c;
        assertEquals(List.of(1, 2, 3), s.stream().filter(x -> x.cell() == cell).map(Order.Slot::invocation).toList());
      }
    }
  }

  @Test
  void noCellRunsTwiceInARowWhenThereAreOtherCells() {
    for (long seed = 0; seed < 200; seed++) {
      for (int cells = 2; cells <= 4; cells++) {
        List<Order.Slot> s = Order.random(seed).schedule(cells, 3);
        for (int i = 1; i < s.size(); i++) {
          assertNotEquals(s.get(i - 1).cell(), s.get(i).cell(), "seed " + seed + ", " + cells + " cells: " + s);
        }
      }
    }
  }

  @Test
  void randomActuallyShufflesTheCellsWithinARound() {
    // over seeds, every cell comes first in round one some time: not the plan's order with a twist
    Set<Integer> firsts = new HashSet<>();
    List<List<Order.Slot>> seen = new ArrayList<>();
    for (long seed = 0; seed < 100; seed++) {
      List<Order.Slot> s = Order.random(seed).schedule(4, 2);
      firsts.add(s.get(0).cell());
      seen.add(s);
    }
    assertEquals(Set.of(0, 1, 2, 3), firsts);
    assertTrue(new HashSet<>(seen).size() > 20, "a seeded shuffle gives many orders");
  }

  @Test
  void oneCellRunsItsProcessesInTurn() {
    assertEquals(List.of(new Order.Slot(0, 1), new Order.Slot(0, 2)), Order.random(3).schedule(1, 2));
  }
}
