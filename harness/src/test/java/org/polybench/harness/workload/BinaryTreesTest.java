package org.polybench.harness.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;

/** The reference of binary-trees is the spec's formula: two trees of 2^(d+1) - 1 nodes. */
class BinaryTreesTest {
  private final BinaryTrees w = new BinaryTrees();

  @Test
  void referenceIsTwiceThePerfectTreeNodeCount() {
    // written out: depth 0 is one node per tree, depth 1 three, depth 16 131071, depth 22 8388607
    assertEquals(new Reference("2", ChecksumKind.U64), w.reference(0, 42, null));
    assertEquals("6", w.reference(1, 42, null).checksum());
    assertEquals("262142", w.reference(16, 42, null).checksum());
    assertEquals("16777214", w.reference(22, 7, null).checksum());
    assertEquals("73786976294838206462", w.reference(64, 42, null).checksum(), "no wrap: 2 * (2^65 - 1) = 2^66 - 2");
  }

  @Test
  void anOffByOneTreeIsCaught() {
    Reference r = w.reference(10, 42, null);
    assertNull(r.mismatch("4094", "u64"));
    assertNotNull(r.mismatch("4093", "u64"), "one node missing");
    assertNotNull(r.mismatch("2047", "u64"), "the long-lived tree left out");
    assertNotNull(r.mismatch("4094", "float"), "another checksum kind");
  }

  @Test
  void registeredWithDepthSizes() {
    assertEquals(w.name(), Workloads.find("binary-trees").orElseThrow().name());
    assertEquals("depth", w.sizeUnit());
  }
}
