package org.polybench.workloads;

import org.polybench.workloads.binarytrees.BinaryTreesObjectsVariant;
import org.polybench.workloads.binarytrees.BinaryTreesWorkload;
import org.polybench.workloads.dot.DotScalarVariant;
import org.polybench.workloads.dot.DotVectorVariant;
import org.polybench.workloads.dot.DotWorkload;
import org.polybench.workloads.normalize.NormalizeScalarVariant;
import org.polybench.workloads.normalize.NormalizeVectorVariant;
import org.polybench.workloads.normalize.NormalizeWorkload;
import org.polybench.workloads.parallel.Parallel;
import org.polybench.workloads.parallel.ParallelStreamsVariant;
import org.polybench.workloads.parallel.ParallelThreadsVariant;
import org.polybench.workloads.parallel.ParallelWorkload;
import org.polybench.workloads.tokenize.TokenizeNativeVariant;
import org.polybench.workloads.tokenize.TokenizeWorkload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which workloads and variants this runner knows. Adding a variant is one class implementing
 * {@link Variant} plus one {@code register} line in {@link #standard()}.
 *
 * <p>Variants are registered as factories and instantiated only after their {@link Requirement}
 * is met, so the registry itself never loads a class that needs an absent module.
 */
public final class Registry {

    /** A workload with its variants, in registration order (that is the order error messages list them). */
    private record Entry<I, O>(Workload<I, O> workload, Map<String, Registration<I, O>> variants) {}

    /** One registered variant: what it needs and how to make it. */
    public record Registration<I, O>(
            Workload<I, O> workload,
            String variant,
            Kind kind,
            String description,
            Requirement requirement,
            Supplier<? extends Variant<I, O>> factory,
            List<String> jvmFlags) {}

    private static final String SCALAR =
            "the straightforward loop over double[] (HotSpot C2 may auto-vectorise it)";
    private static final String VECTOR = "the Vector API (jdk.incubator.vector)";

    private final Map<String, Entry<?, ?>> entries = new LinkedHashMap<>();

    /** The Java implementations listed in docs/workloads.md. */
    public static Registry standard() {
        DotWorkload dot = new DotWorkload();
        NormalizeWorkload normalize = new NormalizeWorkload();
        ParallelWorkload parallel = new ParallelWorkload();
        TokenizeWorkload tokenize = new TokenizeWorkload();
        BinaryTreesWorkload trees = new BinaryTreesWorkload();
        return new Registry()
                .register(dot, "scalar", Kind.NAIVE, SCALAR, Requirement.NONE, DotScalarVariant::new)
                .register(dot, "vector", Kind.OPTIMIZED, VECTOR, Requirement.VECTOR_API, DotVectorVariant::new)
                .register(normalize, "scalar", Kind.NAIVE, SCALAR, Requirement.NONE, NormalizeScalarVariant::new)
                .register(normalize, "vector", Kind.OPTIMIZED, VECTOR, Requirement.VECTOR_API,
                        NormalizeVectorVariant::new)
                .register(parallel, "threads", Kind.IDIOMATIC,
                        "fixed pool of T platform threads (ExecutorService) started before timing and reused by every call,"
                                + " one contiguous chunk per thread, looped in 1024-element calls (a normal C2 compile)",
                        Requirement.NONE, ParallelThreadsVariant::new)
                .register(parallel, "parallel-streams", Kind.IDIOMATIC,
                        "LongStream.range().parallel() run from a task of a ForkJoinPool(T) made before timing and reused"
                                + " by every call, so its forks stay in that pool: exactly T workers",
                        Requirement.NONE, ParallelStreamsVariant::new)
                .register(tokenize, "native", Kind.OPTIMIZED,
                        "the same design on byte[]: open-addressing byte tables, no String per word;"
                                + " one call per document (HotSpot C2)",
                        Requirement.NONE, TokenizeNativeVariant::new)
                .register(trees, "objects", Kind.NAIVE,
                        "a record per node, built and counted recursively, left to the default collector (G1)",
                        Requirement.NONE, BinaryTreesObjectsVariant::new)
                .register(trees, "objects-parallel", Kind.IDIOMATIC,
                        "the same code on the Parallel collector (-XX:+UseParallelGC): throughput-oriented,"
                                + " stop-the-world young and old collections",
                        Requirement.NONE, BinaryTreesObjectsVariant::new, List.of("-XX:+UseParallelGC"))
                .register(trees, "objects-zgc", Kind.IDIOMATIC,
                        "the same code on ZGC (-XX:+UseZGC, generational): concurrent, sub-millisecond pauses",
                        Requirement.NONE, BinaryTreesObjectsVariant::new, List.of("-XX:+UseZGC"));
    }

    public <I, O> Registry register(
            Workload<I, O> workload,
            String variant,
            Kind kind,
            String description,
            Requirement requirement,
            Supplier<? extends Variant<I, O>> factory) {
        return register(workload, variant, kind, description, requirement, factory, List.of());
    }

    /**
     * A variant that must run in a JVM started with {@code jvmFlags} (a collector): they are listed in
     * its catalogue row, the harness starts the JVM with them, and the runner checks they are in effect.
     */
    public <I, O> Registry register(
            Workload<I, O> workload,
            String variant,
            Kind kind,
            String description,
            Requirement requirement,
            Supplier<? extends Variant<I, O>> factory,
            List<String> jvmFlags) {
        if (description.contains("\n")) {
            throw new IllegalArgumentException("the description of " + variant + " must be one line");
        }
        Entry<?, ?> existing = entries.computeIfAbsent(
                workload.name(), name -> new Entry<>(workload, new LinkedHashMap<>()));
        if (existing.workload() != workload) {
            throw new IllegalArgumentException("workload '" + workload.name()
                    + "' is already registered with a different Workload instance");
        }
        @SuppressWarnings("unchecked") // same instance as registered, so the same I and O
        Entry<I, O> entry = (Entry<I, O>) existing;
        if (entry.variants().putIfAbsent(variant,
                new Registration<>(workload, variant, kind, description, requirement, factory, List.copyOf(jvmFlags))) != null) {
            throw new IllegalArgumentException(
                    "variant '" + variant + "' of workload '" + workload.name() + "' is registered twice");
        }
        return this;
    }

    public List<String> workloads() {
        return List.copyOf(entries.keySet());
    }

    /** The variants of a workload, empty for an unknown workload. */
    public List<String> variants(String workload) {
        Entry<?, ?> entry = entries.get(workload);
        return entry == null ? List.of() : new ArrayList<>(entry.variants().keySet());
    }

    /** Every registration, workload by workload, each in registration order: the catalogue's order. */
    public List<Registration<?, ?>> registrations() {
        List<Registration<?, ?>> all = new ArrayList<>();
        for (Entry<?, ?> entry : entries.values()) {
            all.addAll(entry.variants().values());
        }
        return all;
    }

    /** The {@code --list} document of this registry; availability is each row's {@link Requirement}. */
    public Catalogue catalogue(String runner, String language) {
        List<Catalogue.Row> rows = new ArrayList<>();
        for (Registration<?, ?> r : registrations()) {
            Optional<String> reason = r.requirement().unavailableReason();
            rows.add(new Catalogue.Row(r.workload().name(), r.variant(), r.kind(), r.description(),
                    reason.isEmpty(), reason.map(why -> unavailableMessage(runner, r, why)).orElse(null), false,
                    r.jvmFlags()));
        }
        return new Catalogue(RunResult.PROTOCOL_VERSION, runner, language, rows);
    }

    /** The exit-3 message (without the runner's prefix) of a registration whose requirement is unmet. */
    static String unavailableMessage(String runner, Registration<?, ?> r, String why) {
        return runner + "/" + r.variant() + " for " + r.workload().name() + " is unavailable: " + why;
    }

    public boolean hasWorkload(String workload) {
        return entries.containsKey(workload);
    }

    /** This registry as the flag parser sees it: workloads, variants, and who reads --input. */
    public ProtocolFlags.Table flagTable() {
        return new ProtocolFlags.Table() {
            @Override
            public List<String> workloads() {
                return Registry.this.workloads();
            }

            @Override
            public List<String> variants(String workload) {
                return Registry.this.variants(workload);
            }

            @Override
            public boolean readsInputFile(String workload) {
                return entries.get(workload).workload().readsInputFile();
            }

            @Override
            public void checkInput(String workload, java.nio.file.Path input, int size) {
                entries.get(workload).workload().checkInput(input, size);
            }
        };
    }

    public Optional<Registration<?, ?>> find(String workload, String variant) {
        Entry<?, ?> entry = entries.get(workload);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.variants().get(variant));
    }
}
