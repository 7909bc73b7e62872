package org.polybench.workloads;

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
            Requirement requirement,
            Supplier<? extends Variant<I, O>> factory) {}

    private final Map<String, Entry<?, ?>> entries = new LinkedHashMap<>();

    /** The Java implementations listed in docs/workloads.md. */
    public static Registry standard() {
        DotWorkload dot = new DotWorkload();
        NormalizeWorkload normalize = new NormalizeWorkload();
        ParallelWorkload parallel = new ParallelWorkload();
        TokenizeWorkload tokenize = new TokenizeWorkload();
        return new Registry()
                .register(dot, "scalar", Requirement.NONE, DotScalarVariant::new)
                .register(dot, "vector", Requirement.VECTOR_API, DotVectorVariant::new)
                .register(normalize, "scalar", Requirement.NONE, NormalizeScalarVariant::new)
                .register(normalize, "vector", Requirement.VECTOR_API, NormalizeVectorVariant::new)
                .register(parallel, "threads", Requirement.NONE, ParallelThreadsVariant::new)
                .register(parallel, "parallel-streams", Requirement.NONE, ParallelStreamsVariant::new)
                .register(tokenize, "native", Requirement.NONE, TokenizeNativeVariant::new);
    }

    public <I, O> Registry register(
            Workload<I, O> workload,
            String variant,
            Requirement requirement,
            Supplier<? extends Variant<I, O>> factory) {
        Entry<?, ?> existing = entries.computeIfAbsent(
                workload.name(), name -> new Entry<>(workload, new LinkedHashMap<>()));
        if (existing.workload() != workload) {
            throw new IllegalArgumentException("workload '" + workload.name()
                    + "' is already registered with a different Workload instance");
        }
        @SuppressWarnings("unchecked") // same instance as registered, so the same I and O
        Entry<I, O> entry = (Entry<I, O>) existing;
        if (entry.variants().putIfAbsent(variant,
                new Registration<>(workload, variant, requirement, factory)) != null) {
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

    public boolean hasWorkload(String workload) {
        return entries.containsKey(workload);
    }

    public Optional<Registration<?, ?>> find(String workload, String variant) {
        Entry<?, ?> entry = entries.get(workload);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.variants().get(variant));
    }
}
