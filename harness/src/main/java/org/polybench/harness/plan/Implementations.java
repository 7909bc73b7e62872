package org.polybench.harness.plan;

import static org.polybench.harness.plan.Implementation.Kind.IDIOMATIC;
import static org.polybench.harness.plan.Implementation.Kind.NAIVE;
import static org.polybench.harness.plan.Implementation.Kind.OPTIMIZED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of implementations. Each language's runner must accept the variant for every
 * workload listed here; one line per variant.
 */
public final class Implementations {
  private static final Map<String, Implementation> ALL = new LinkedHashMap<>();
  private static final Set<String> NUMERIC = Set.of("dot", "normalize");
  private static final Set<String> PARALLEL = Set.of("parallel");
  private static final Set<String> TOKENIZE = Set.of("tokenize");
  private static final Set<String> NUMERIC_AND_TOKENIZE = Set.of("dot", "normalize", "tokenize");

  static {
    add("python", "pure", NAIVE, "plain CPython over lists, as a Python developer writes it (tokenize: a regex split, a dict, substring slicing)", NUMERIC_AND_TOKENIZE);
    add(new Implementation("python", "graalpy", NAIVE, "the same pure-Python code as python/pure, run by GraalPy inside the JVM (Polyglot API, Truffle JIT with the Graal compiler via JVMCI)", NUMERIC, "graalpy", true));
    add("python", "numpy", IDIOMATIC, "NumPy on float64 arrays", NUMERIC);
    add("python", "rust-ext", OPTIMIZED, "our Rust kernel via PyO3; Python lists converted to Vec<f64> inside the timed call (tokenize: rust/native's tokenizer, one call per document, str in, list of ids out)", NUMERIC_AND_TOKENIZE);
    add("python", "rust-ext-numpy", OPTIMIZED, "our Rust kernel via rust-numpy, borrowing NumPy arrays without copying", NUMERIC);
    add("rust", "naive", NAIVE, "the straightforward iterator loop (runner allocator: mimalloc)", NUMERIC);
    add("rust", "optimized", OPTIMIZED, "independent accumulators the compiler vectorises, fused passes; lto, target-cpu=native, mimalloc", NUMERIC);
    add("java", "scalar", NAIVE, "the straightforward loop over double[] (HotSpot C2 may auto-vectorise it)", NUMERIC);
    add("java", "vector", OPTIMIZED, "the Vector API (jdk.incubator.vector)", NUMERIC);
    add("python", "threads", NAIVE, "threading.Thread per chunk running the pure-Python loop; the GIL runs one at a time (free-threaded --python lifts it)", PARALLEL);
    add("python", "processes", IDIOMATIC, "multiprocessing.Pool of T processes, pure-Python loop per chunk; samples exclude the pool start-up (extra.pool_startup_ns)", PARALLEL);
    add("python", "rust-ext-threads", OPTIMIZED, "Python threads each calling our Rust chunk kernel, which releases the GIL (PyO3 py.detach)", PARALLEL);
    add("python", "numpy-threads", IDIOMATIC, "Python threads each running uint64 NumPy over its chunk in 65,536-element blocks (ufuncs release the GIL)", PARALLEL);
    add("rust", "threads", IDIOMATIC, "std::thread::scope, one thread per contiguous chunk, spawned on each call", PARALLEL);
    add("rust", "rayon", IDIOMATIC, "into_par_iter over the range in a local rayon ThreadPool of exactly T threads (not the global pool)", PARALLEL);
    add("java", "threads", IDIOMATIC, "fixed pool of T platform threads (ExecutorService), one contiguous chunk per thread, looped in 1024-element calls (a normal C2 compile)", PARALLEL);
    add("java", "parallel-streams", IDIOMATIC, "LongStream.range().parallel() run from a task of a ForkJoinPool(T), so its forks stay in that pool: exactly T workers", PARALLEL);
    add("python", "hf-tokenizers", IDIOMATIC, "Hugging Face tokenizers (Rust) on our vocab.txt, one encode() per document, single-threaded (RAYON_NUM_THREADS=1)", TOKENIZE);
    add("python", "hf-tokenizers-batch", IDIOMATIC, "Hugging Face encode_batch: the whole corpus in one call; rayon capped at --threads (tokenize runs at 1 thread), recorded", TOKENIZE);
    add("rust", "native", OPTIMIZED, "our byte-level WordPiece: lowercase into a stack buffer, whole-word lookup first, Fx-hashed maps; one call per document", TOKENIZE);
    add("java", "native", OPTIMIZED, "the same design on byte[]: open-addressing byte tables, no String per word; one call per document (HotSpot C2)", TOKENIZE);
  }

  private Implementations() {}

  private static void add(String language, String variant, Implementation.Kind kind, String description, Set<String> workloads) {
    add(new Implementation(language, variant, kind, description, workloads));
  }

  private static void add(Implementation impl) {
    ALL.put(impl.id(), impl);
  }

  public static List<Implementation> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<Implementation> find(String id) {
    return Optional.ofNullable(ALL.get(id));
  }

  public static List<String> languages() {
    return ALL.values().stream().map(Implementation::language).distinct().toList();
  }
}
