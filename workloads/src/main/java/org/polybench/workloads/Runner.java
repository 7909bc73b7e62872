package org.polybench.workloads;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Java runner of docs/runner-protocol.md: measures one workload variant and prints one JSON
 * object on stdout. Exit 0 measured, 1 failed (including iterations that disagree), 2 bad
 * arguments, 3 variant unavailable in this JVM.
 *
 * <p>The flags are parsed and checked by {@link ProtocolFlags} (shared with the GraalPy runner)
 * against the {@link Registry}'s table.
 *
 * <p>{@code --threads} is the number of threads a kernel <em>may</em> use: any value >= 1 is
 * accepted and reported as given; only the {@code parallel} workload's kernels use more than one.
 */
public final class Runner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNAVAILABLE = 3;

    /** Prints the catalogue (runner protocol 2) instead of measuring; every other flag is ignored. */
    public static final String LIST = "--list";

    static final String USAGE = "usage: --list | --workload NAME --variant NAME --size N [--threads 1]"
            + " [--warmup 3] [--warmup-time-ms 0] [--iterations 10] [--seed 42] [--input FILE] [--baseline]";

    private static final String PREFIX = "polybench-runner: ";

    private Runner() {}

    public static void main(String[] args) {
        HarnessWatch.start();
        int exit = run(args, System.out, System.err);
        HarnessWatch.stop();
        System.exit(exit);
    }

    /** Runs the protocol with the standard registry and returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(Registry.standard(), args, out, err);
    }

    static int run(Registry registry, String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains(LIST)) {
            out.println(registry.catalogue(RunResult.LANGUAGE, RunResult.LANGUAGE).toJson());
            out.flush();
            return EXIT_OK;
        }
        boolean baseline = java.util.Arrays.asList(args).contains(BASELINE);
        if (baseline) args = java.util.Arrays.stream(args).filter(a -> !a.equals(BASELINE)).toArray(String[]::new);
        ProtocolFlags flags;
        try {
            flags = ProtocolFlags.parse(args, registry.flagTable());
        } catch (ProtocolFlags.BadFlag e) {
            err.println(PREFIX + e.getMessage() + (e.syntax() ? "; " + USAGE : ""));
            return EXIT_USAGE;
        }
        if (baseline && (flags.size() != 0 || flags.input().isPresent())) {
            err.println(PREFIX + BASELINE + " measures the empty input: pass --size 0 and no --input");
            return EXIT_USAGE;
        }
        Registry.Registration<?, ?> registration = registry.find(flags.workload(), flags.variant()).orElseThrow();
        java.util.List<String> missingFlags = missingJvmFlags(registration.jvmFlags());
        if (!missingFlags.isEmpty()) {
            err.println(PREFIX + "java/" + flags.variant() + " must run in a JVM started with " + String.join(" ", missingFlags)
                    + " (its catalogue row's jvm_flags; ./bench run passes them): start java with them");
            return EXIT_USAGE;
        }
        Optional<String> unavailable = registration.requirement().unavailableReason();
        if (unavailable.isPresent()) {
            err.println(PREFIX + Registry.unavailableMessage(RunResult.LANGUAGE, registration, unavailable.get()));
            return EXIT_UNAVAILABLE;
        }
        try {
            return measure(registration, flags, baseline, out, err);
        } catch (OutOfMemoryError e) {
            // a too-large --size for -Xmx ends up here
            err.println(PREFIX + "failed: " + e + " (raise -Xmx or lower --size)");
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println(PREFIX + "failed: " + e);
            return EXIT_FAILED;
        }
    }

    private static <I, O> int measure(Registry.Registration<I, O> registration, ProtocolFlags config, boolean baselineMode,
            PrintStream out, PrintStream err) {
        Workload<I, O> target = registration.workload();
        // the baseline: this JVM's peak with the runner's classes loaded, before any input is made
        OptionalLong baseline = PeakRss.bytes();
        // The variant and the inputs are made before any timing starts.
        Variant<I, O> kernel = registration.factory().get();
        // The verification input first (one untimed call), unreachable before the seeded input exists.
        I verify = baselineMode ? null : target.verificationInput(config.size());
        String verifyChecksum = verify == null ? null : target.checksumText(kernel.run(verify));
        verify = null;
        I prepared = target.prepare(
                new InputSpec(config.size(), config.seed(), config.input(), config.threads()));

        Measurement measurement;
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
        try {
            kernel.setUp(prepared);
            Measurement.ClockInfo clock = Measurement.ClockInfo.of(System::nanoTime);
            long targetNs = target.batched() ? clock.sampleTargetNs() : 0;
            measurement = Measurement.take(target, kernel, prepared, new Measurement.Plan(
                    config.warmup(), config.warmupTimeMs() * 1_000_000L, config.iterations(), targetNs));
            // the workload's own figures first: they cover the measured calls, not the one below
            extra.putAll(target.extra(prepared, kernel, Math.toIntExact(measurement.warmupCalls())));
            extra.put("gc", measurement.gc());
            extra.put("calls_per_sample", measurement.callsPerSample());
            extra.put("sample_target_ns", targetNs == 0 ? null : targetNs);
            extra.put("warmup_elapsed_ns", measurement.warmupElapsedNs());
            extra.put("clock_overhead_ns", clock.overheadNs());
            extra.put("clock_resolution_ns", clock.resolutionNs());
            // one more call, untimed, for its allocation; its answer must be the measured one
            Object[] output = new Object[1];
            extra.putAll(MemoryProbe.allocation(() -> output[0] = kernel.run(prepared)));
            @SuppressWarnings("unchecked")
            String again = target.checksumText((O) output[0]);
            if (!measurement.checksum().equals(again)) {
                throw new Measurement.ChecksumMismatch("the allocation-counting call gave checksum " + again
                        + " but the measured ones gave " + measurement.checksum() + "; the kernel is not deterministic");
            }
        } catch (Measurement.ChecksumMismatch e) {
            err.println(PREFIX + "failed: java/" + config.variant() + " for " + config.workload() + ": " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            closeQuietly(kernel, config.variant(), err);
        }

        OptionalLong rss = PeakRss.bytes();
        extra.put("baseline_rss_bytes", baseline.isPresent() ? baseline.getAsLong() : null);
        extra.put("baseline_rss_point", BASELINE_POINT);
        if (baselineMode) extra.put("baseline_mode", BASELINE_MODE);
        RunResult result = new RunResult(
                RunResult.PROTOCOL_VERSION,
                target.name(),
                RunResult.LANGUAGE,
                registration.variant(),
                config.size(),
                config.threads(),
                new BigInteger(Long.toUnsignedString(config.seed())),
                measurement.warmupNs(),
                measurement.samplesNs(),
                verifyChecksum == null ? measurement.checksum() : measurement.checksum() + " " + verifyChecksum,
                target.checksumKind(),
                rss.isPresent() ? rss.getAsLong() : null,
                RuntimeInfo.describe(kernel.runtimeInfo()),
                withAffinity(extra));
        out.println(result.toJson());
        out.flush();
        return EXIT_OK;
    }

    /** The flag of the baseline mode (docs/runner-protocol.md#--baseline). */
    static final String BASELINE = "--baseline";

    /** What a {@link #BASELINE} process measured, for its {@code extra.baseline_mode}. */
    static final String BASELINE_MODE = "the whole protocol on the empty input (size 0, no verification input): the JVM, "
            + "every class the measurement loads and initialises, the warm-up and measured calls and the allocation call";

    /** When the Java runner reads its baseline (VmHWM). */
    static final String BASELINE_POINT = "after the JVM started and the arguments are parsed, before the variant or any input is made";

    /** The JVM flags among {@code wanted} that this JVM was not started with. */
    static java.util.List<String> missingJvmFlags(java.util.List<String> wanted) {
        java.util.List<String> given = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        return wanted.stream().filter(f -> !given.contains(f)).toList();
    }

    /** What a variant started in {@link Variant#setUp} (a thread pool) ends here. */
    private static void closeQuietly(Variant<?, ?> kernel, String variant, PrintStream err) {
        if (kernel instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                err.println(PREFIX + "warning: closing java/" + variant + " failed: " + e);
            }
        }
    }

    /** The workload's own {@code extra} fields (tokenize: latencies), then {@link #extra()}. */
    private static java.util.Map<String, Object> withAffinity(java.util.Map<String, Object> workloadExtra) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(workloadExtra);
        all.putAll(extra());
        return all;
    }

    /** The protocol's {@code extra}: {@code cpu_affinity}, the CPUs this process may run on. */
    static java.util.Map<String, Object> extra() {
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    extra.put("cpu_affinity", line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no procfs (not Linux): left out rather than guessed
        }
        if (PeakRss.bytes().isEmpty()) {
            // peak_rss_bytes is null: say why rather than fall back to another measure
            extra.put("peak_rss_unavailable", "no VmHWM line readable in /proc/self/status");
        }
        return extra;
    }
}
