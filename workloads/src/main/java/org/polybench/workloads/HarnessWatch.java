package org.polybench.workloads;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Exits this runner when the harness that started it dies (docs/runner-protocol.md): the harness
 * holds our stdin pipe open and sets POLYBENCH_EXIT_ON_STDIN_EOF=1; when it dies, even by kill -9,
 * the pipe reaches end-of-file and a daemon thread halts the JVM. Started by hand (no variable),
 * the runner ignores its stdin.
 *
 * <p>The runner calls {@link #stop} before it exits. HotSpot's exit waits up to 300 ms for every
 * thread still in native code (VM_Exit::wait_for_threads_in_native_to_block), and a thread blocked
 * in a plain {@code System.in.read} is one: each runner JVM took 0.3 s longer under the harness
 * than from a shell. The watch reads through a {@link FileChannel} instead, whose close wakes the
 * blocked read, so the thread has left native code before the JVM exits.
 */
public final class HarnessWatch {
    /** The exit code of a runner whose harness went away. */
    public static final int EXIT_ORPHANED = 125;

    private static volatile FileChannel stdin;
    private static volatile boolean stopping;

    private HarnessWatch() {}

    public static void start() {
        if (!"1".equals(System.getenv("POLYBENCH_EXIT_ON_STDIN_EOF"))) return;
        FileChannel in = new FileInputStream(FileDescriptor.in).getChannel();
        stdin = in;
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(256);
            try {
                while (in.read(buf) >= 0) {
                    buf.clear(); // the harness never writes; anything read is ignored
                }
            } catch (IOException e) {
                if (stopping) return; // closed by stop(): the runner is exiting by itself
                // a broken pipe is the same news as end-of-file
            }
            Runtime.getRuntime().halt(EXIT_ORPHANED);
        }, "harness-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Ends the watch before the runner exits: its blocked read returns, and the JVM need not wait for it. */
    public static void stop() {
        FileChannel in = stdin;
        if (in == null) return;
        stopping = true;
        try {
            in.close();
        } catch (IOException e) {
            // closing our end of a pipe the harness holds cannot fail in a way that matters here
        }
    }
}
