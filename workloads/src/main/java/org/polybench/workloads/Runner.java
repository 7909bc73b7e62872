package org.polybench.workloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Java runner of docs/runner-protocol.md: measures one workload variant and prints one JSON
 * object on stdout. Exit 0 measured, 1 failed (including iterations that disagree), 2 bad
 * arguments, 3 variant unavailable in this JVM.
 *
 * <p>Options are read as strings and checked here rather than by picocli's converters, so every
 * bad value gets the same kind of one-line message: the flag, the rule, what was given.
 *
 * <p>{@code --threads} is the number of threads a kernel <em>may</em> use: any value >= 1 is
 * accepted and reported as given; only the {@code parallel} workload's kernels use more than one.
 */
@Command(name = "polybench-runner", description = "Measures one Java workload variant (runner protocol 2).")
public final class Runner implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNAVAILABLE = 3;

    /** Prints the catalogue (runner protocol 2) instead of measuring; every other flag is ignored. */
    public static final String LIST = "--list";

    /** The largest array HotSpot reliably allocates; beyond it {@code new double[n]} fails. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    static final String USAGE = "usage: --list | --workload NAME --variant NAME --size N [--threads 1]"
            + " [--warmup 3] [--iterations 10] [--seed 42] [--input FILE]";

    private static final String PREFIX = "polybench-runner: ";

    @Option(names = "--workload", required = true, paramLabel = "NAME")
    String workload;

    @Option(names = "--variant", required = true, paramLabel = "NAME")
    String variant;

    @Option(names = "--size", required = true, paramLabel = "N")
    String size;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N")
    String threads;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N")
    String warmup;

    @Option(names = "--iterations", defaultValue = "10", paramLabel = "N")
    String iterations;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "U64")
    String seed;

    @Option(names = "--input", paramLabel = "FILE")
    String input;

    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    private Runner(Registry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
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
        CommandLine cmd = new CommandLine(new Runner(registry, out, err));
        // Nothing but the result may reach stdout, so picocli's own output goes to stderr too.
        PrintWriter errWriter = new PrintWriter(err, true);
        cmd.setOut(errWriter);
        cmd.setErr(errWriter);
        cmd.setExpandAtFiles(false);
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            err.println(PREFIX + ex.getMessage() + "; " + USAGE);
            return EXIT_USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, ignored, parseResult) -> {
            err.println(PREFIX + "failed: " + ex);
            return EXIT_FAILED;
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli handles exceptions, not errors; a too-large --size for -Xmx ends up here.
            err.println(PREFIX + "failed: " + e + " (raise -Xmx or lower --size)");
            return EXIT_FAILED;
        }
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Config config;
        try {
            config = parse();
        } catch (BadFlag e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_USAGE;
        }
        Registry.Registration<?, ?> registration = config.registration();
        Optional<String> unavailable = registration.requirement().unavailableReason();
        if (unavailable.isPresent()) {
            err.println(PREFIX + Registry.unavailableMessage(RunResult.LANGUAGE, registration, unavailable.get()));
            return EXIT_UNAVAILABLE;
        }
        return measure(registration, config);
    }

    /** The flags after checking, ready to run. */
    private record Config(
            Registry.Registration<?, ?> registration,
            int size, int threads, int warmup, int iterations, long seed, Optional<Path> input) {}

    private Config parse() {
        if (!registry.hasWorkload(workload)) {
            throw new BadFlag("--workload: unknown workload '" + workload + "'; known: "
                    + String.join(", ", registry.workloads()));
        }
        Registry.Registration<?, ?> registration = registry.find(workload, variant)
                .orElseThrow(() -> new BadFlag("--variant: unknown variant '" + variant
                        + "' for workload " + workload + "; known: "
                        + String.join(", ", registry.variants(workload))));
        int sizeValue = intFlag("--size", size, 0, MAX_SIZE, "elements");
        int threadsValue = intFlag("--threads", threads, 1, Integer.MAX_VALUE, "threads");
        int warmupValue = intFlag("--warmup", warmup, 0, Integer.MAX_VALUE, "iterations");
        int iterationsValue = intFlag("--iterations", iterations, 1, Integer.MAX_VALUE, "iterations");
        if ((long) warmupValue + iterationsValue > Integer.MAX_VALUE) {
            throw new BadFlag("--warmup plus --iterations must not exceed " + Integer.MAX_VALUE);
        }
        long seedValue = seedFlag();
        Optional<Path> inputPath = inputFlag(registration.workload(), sizeValue);
        return new Config(registration, sizeValue, threadsValue, warmupValue, iterationsValue,
                seedValue, inputPath);
    }

    private static int intFlag(String flag, String value, int min, int max, String unit) {
        String rule = flag + " must be an integer "
                + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max)
                + " (" + unit + ")";
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadFlag(rule + ", got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new BadFlag(rule + ", got " + value.trim());
        }
        return (int) parsed;
    }

    private long seedFlag() {
        try {
            // Unsigned: seeds up to 2^64 - 1 are valid and keep their bit pattern in the long.
            return Long.parseUnsignedLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new BadFlag("--seed must be an unsigned 64-bit integer (0 to "
                    + Long.toUnsignedString(-1L) + "), got '" + seed + "'");
        }
    }

    private Optional<Path> inputFlag(Workload<?, ?> target, int sizeValue) {
        if (input == null) {
            if (target.readsInputFile()) {
                throw new BadFlag("--input is required for workload " + target.name()
                        + ": pass --input FILE (./bench run makes it)");
            }
            return Optional.empty();
        }
        if (!target.readsInputFile()) {
            throw new BadFlag("--input: workload " + target.name()
                    + " generates its input from --seed and reads no file; drop --input");
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new BadFlag("--input: not a valid path '" + input + "'");
        }
        if (!Files.isReadable(path)) {
            throw new BadFlag("--input: cannot read '" + input + "'; give an existing readable file");
        }
        try {
            target.checkInput(path, sizeValue);
        } catch (IllegalArgumentException e) {
            throw new BadFlag(e.getMessage());
        }
        return Optional.of(path);
    }

    private <I, O> int measure(Registry.Registration<I, O> registration, Config config)
            throws JsonProcessingException {
        Workload<I, O> target = registration.workload();
        // The variant and the inputs are made before any timing starts.
        Variant<I, O> kernel = registration.factory().get();
        // The verification input first (one untimed call), unreachable before the seeded input exists.
        I verify = target.verificationInput(config.size());
        String verifyChecksum = verify == null ? null : target.checksumText(kernel.run(verify));
        verify = null;
        I prepared = target.prepare(
                new InputSpec(config.size(), config.seed(), config.input(), config.threads()));

        Measurement measurement;
        try {
            kernel.setUp(prepared);
            measurement = Measurement.take(target, kernel, prepared, config.warmup(), config.iterations());
        } catch (Measurement.ChecksumMismatch e) {
            err.println(PREFIX + "failed: java/" + variant + " for " + workload + ": " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            closeQuietly(kernel);
        }

        OptionalLong rss = PeakRss.bytes();
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
                withAffinity(target.extra(prepared, config.warmup())));
        out.println(new ObjectMapper().writeValueAsString(result));
        out.flush();
        return EXIT_OK;
    }

    /** What a variant started in {@link Variant#setUp} (a thread pool) ends here. */
    private void closeQuietly(Variant<?, ?> kernel) {
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

    /** A flag value that breaks the protocol's rules; the message names the flag and the fix. */
    private static final class BadFlag extends RuntimeException {
        BadFlag(String message) {
            super(message, null, false, false);
        }
    }
}
