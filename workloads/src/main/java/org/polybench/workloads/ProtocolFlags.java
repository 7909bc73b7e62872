package org.polybench.workloads;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The measuring flags of the runner protocol (docs/runner-protocol.md), parsed and checked once
 * for every JVM runner: the Java runner and the GraalPy runner read their flags here, against
 * their own table of workloads and variants.
 *
 * <p>Options are read as strings by picocli and checked here rather than by its converters, so
 * every bad value gets the same kind of one-line message: the flag, the rule, what was given.
 */
public record ProtocolFlags(
        String workload, String variant, int size, int threads, int warmup, int iterations, long seed,
        Optional<Path> input, int warmupTimeMs) {

    /** The flags without {@code --warmup-time-ms} (0: the warm-up is the count alone). */
    public ProtocolFlags(String workload, String variant, int size, int threads, int warmup, int iterations, long seed,
            Optional<Path> input) {
        this(workload, variant, size, threads, warmup, iterations, seed, input, 0);
    }

    /** The largest array HotSpot reliably allocates; beyond it {@code new double[n]} fails. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /** What a runner implements, as far as its flags are concerned. */
    public interface Table {
        List<String> workloads();

        /** The variants of {@code workload}, empty when it is unknown. */
        List<String> variants(String workload);

        /** Whether {@code workload} reads its input from --input (tokenize) instead of the seed. */
        boolean readsInputFile(String workload);

        /** Rejects an --input file that does not suit {@code workload} at {@code size}, with why. */
        default void checkInput(String workload, Path input, int size) {}
    }

    /**
     * A flag that breaks the protocol's rules; the message names the flag and the fix. {@code
     * syntax} is true for what picocli rejects (unknown or missing flags), which the runners follow
     * with the usage line.
     */
    public static final class BadFlag extends Exception {
        private final boolean syntax;

        BadFlag(String message, boolean syntax) {
            super(message, null, false, false);
            this.syntax = syntax;
        }

        public boolean syntax() {
            return syntax;
        }
    }

    /**
     * The flags as picocli's programmatic model: the annotated form ({@code @Command}, {@code
     * @Option} fields) read its annotations through reflection and proxies, about 0.1 s of every
     * runner JVM here before any work; the model parses the same flags, with the same messages.
     */
    private static CommandLine.Model.CommandSpec spec() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name("polybench-runner");
        option(spec, "--workload", "NAME", null);
        option(spec, "--variant", "NAME", null);
        option(spec, "--size", "N", null);
        option(spec, "--threads", "N", "1");
        option(spec, "--warmup", "N", "3");
        option(spec, "--warmup-time-ms", "MS", "0");
        option(spec, "--iterations", "N", "10");
        option(spec, "--seed", "U64", "42");
        option(spec, "--input", "FILE", "");
        return spec;
    }

    /** A string option; required when it has no default ({@code ""}: optional, absent is null). */
    private static void option(CommandLine.Model.CommandSpec spec, String name, String label, String defaultValue) {
        CommandLine.Model.OptionSpec.Builder o = CommandLine.Model.OptionSpec.builder(name)
                .type(String.class).paramLabel(label).required(defaultValue == null);
        if (defaultValue != null && !defaultValue.isEmpty()) o.defaultValue(defaultValue);
        spec.addOption(o.build());
    }

    /** The flags as picocli read them, as strings. */
    private record Raw(String workload, String variant, String size, String threads, String warmup,
            String warmupTimeMs, String iterations, String seed, String input) {
        static Raw of(CommandLine.ParseResult r) {
            return new Raw(value(r, "--workload"), value(r, "--variant"), value(r, "--size"), value(r, "--threads"),
                    value(r, "--warmup"), value(r, "--warmup-time-ms"), value(r, "--iterations"), value(r, "--seed"),
                    value(r, "--input"));
        }

        private static String value(CommandLine.ParseResult r, String name) {
            return r.commandSpec().findOption(name).getValue();
        }
    }

    /** Parses and checks {@code argv} against {@code table}. */
    public static ProtocolFlags parse(String[] argv, Table table) throws BadFlag {
        CommandLine cmd = new CommandLine(spec());
        cmd.setExpandAtFiles(false);
        Raw raw;
        try {
            raw = Raw.of(cmd.parseArgs(argv));
        } catch (CommandLine.ParameterException e) {
            throw new BadFlag(e.getMessage(), true);
        }
        if (!table.workloads().contains(raw.workload())) {
            throw new BadFlag("--workload: unknown workload '" + raw.workload() + "'; known: "
                    + String.join(", ", table.workloads()), false);
        }
        List<String> variants = table.variants(raw.workload());
        if (!variants.contains(raw.variant())) {
            throw new BadFlag("--variant: unknown variant '" + raw.variant() + "' for workload " + raw.workload()
                    + "; known: " + String.join(", ", variants), false);
        }
        int size = intFlag("--size", raw.size(), 0, MAX_SIZE, "elements");
        int threads = intFlag("--threads", raw.threads(), 1, Integer.MAX_VALUE, "threads");
        int warmup = intFlag("--warmup", raw.warmup(), 0, Integer.MAX_VALUE, "iterations");
        int iterations = intFlag("--iterations", raw.iterations(), 1, Integer.MAX_VALUE, "iterations");
        if ((long) warmup + iterations > Integer.MAX_VALUE) {
            throw new BadFlag("--warmup plus --iterations must not exceed " + Integer.MAX_VALUE, false);
        }
        int warmupTimeMs = intFlag("--warmup-time-ms", raw.warmupTimeMs(), 0, Integer.MAX_VALUE, "milliseconds");
        long seed = seedFlag(raw.seed());
        Optional<Path> input = inputFlag(table, raw.workload(), raw.input(), size);
        return new ProtocolFlags(raw.workload(), raw.variant(), size, threads, warmup, iterations, seed, input, warmupTimeMs);
    }

    private static int intFlag(String flag, String value, int min, int max, String unit) throws BadFlag {
        String rule = flag + " must be an integer "
                + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max)
                + " (" + unit + ")";
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadFlag(rule + ", got '" + value + "'", false);
        }
        if (parsed < min || parsed > max) {
            throw new BadFlag(rule + ", got " + value.trim(), false);
        }
        return (int) parsed;
    }

    private static long seedFlag(String seed) throws BadFlag {
        try {
            // Unsigned: seeds up to 2^64 - 1 are valid and keep their bit pattern in the long.
            return Long.parseUnsignedLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new BadFlag("--seed must be an unsigned 64-bit integer (0 to "
                    + Long.toUnsignedString(-1L) + "), got '" + seed + "'", false);
        }
    }

    private static Optional<Path> inputFlag(Table table, String workload, String input, int size) throws BadFlag {
        if (input == null) {
            if (table.readsInputFile(workload)) {
                throw new BadFlag("--input is required for workload " + workload
                        + ": pass --input FILE (./bench run makes it)", false);
            }
            return Optional.empty();
        }
        if (!table.readsInputFile(workload)) {
            throw new BadFlag("--input: workload " + workload
                    + " generates its input from --seed and reads no file; drop --input", false);
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new BadFlag("--input: not a valid path '" + input + "'", false);
        }
        if (!Files.isReadable(path)) {
            throw new BadFlag("--input: cannot read '" + input + "'; give an existing readable file", false);
        }
        try {
            table.checkInput(workload, path, size);
        } catch (IllegalArgumentException e) {
            throw new BadFlag(e.getMessage(), false);
        }
        return Optional.of(path);
    }
}
