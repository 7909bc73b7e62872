package org.polybench.harness.workload;

import java.util.List;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;

/**
 * {@code startup}: the whole-process time of a minimal program per runtime (docs/workloads.md),
 * measured by the harness's own prober the way hyperfine does; each sample is one process, from
 * before its spawn to after its reap, with {@code /bin/true} spawned alongside as the floor.
 *
 * <p>Every program must exit 0 and print nothing. The checksum is FNV-1a 64 of a process's stdout
 * (as an unsigned decimal, {@code u64}); the reference is that of the expected output, the empty
 * string: the FNV-1a offset basis 0xcbf29ce484222325 itself, written out here from the spec.
 */
public final class Startup implements Workload {
  /** FNV-1a 64 of no bytes: the offset basis, 0xcbf29ce484222325 = 14695981039346656037. */
  static final String EMPTY_OUTPUT = "14695981039346656037";

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public String description() {
    return "whole-process time of a minimal program per runtime, spawned directly (hyperfine's way), /bin/true as the floor";
  }

  @Override
  public String sizeUnit() {
    return "process";
  }

  /** One process per sample: there is no size to vary. */
  @Override
  public List<Long> defaultSizes() {
    return List.of(1L);
  }

  @Override
  public List<Long> quickSizes() {
    return List.of(1L);
  }

  /** Times and the startup bars with the spawn floor drawn. */
  @Override
  public List<Section> sections() {
    return List.of(Section.TIMES, Section.STARTUP);
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    return new Reference(EMPTY_OUTPUT, ChecksumKind.U64);
  }
}
