package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit 3 needs a JVM that really lacks {@code jdk.incubator.vector}, which the test JVM does not
 * (surefire adds it), so these tests start a child JVM with the same java binary and classpath
 * but without {@code --add-modules}.
 */
class RunnerWithoutVectorModuleTest {

    @TempDir
    Path tmp;

    record Child(int exitCode, String stdout, String stderr) {}

    Child runChild(String... runnerArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(
                java, "-cp", System.getProperty("java.class.path"), Runner.class.getName()));
        command.addAll(List.of(runnerArgs));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Keep inherited JVM options from sneaking the module back in.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        return new Child(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void vectorVariantsExitThreeWithTheFix() throws Exception {
        for (String workload : List.of("dot", "normalize")) {
            Child child = runChild("--workload", workload, "--variant", "vector", "--size", "10");
            assertEquals(3, child.exitCode(), child.stderr());
            assertEquals("", child.stdout());
            assertTrue(child.stderr().contains("--add-modules jdk.incubator.vector"), child.stderr());
        }
    }

    @Test
    void scalarStillRunsWithoutTheModule() throws Exception {
        Child child = runChild("--workload", "dot", "--variant", "scalar", "--size", "10",
                "--warmup", "0", "--iterations", "1");
        assertEquals(0, child.exitCode(), child.stderr());
        var json = new ObjectMapper().readTree(child.stdout());
        assertEquals("scalar", json.get("variant").textValue());
        assertFalse(json.get("runtime").get("jvm_args").textValue().contains("jdk.incubator.vector"));
    }

    @Test
    void listSaysVectorIsUnavailableWithTheExitThreeReason() throws Exception {
        Child exit3 = runChild("--workload", "dot", "--variant", "vector", "--size", "10");
        Child child = runChild("--list");
        assertEquals(0, child.exitCode(), child.stderr());
        var rows = new ObjectMapper().readTree(child.stdout()).get("implementations");
        int vectors = 0;
        for (var row : rows) {
            boolean vector = row.get("variant").textValue().equals("vector");
            assertEquals(!vector, row.get("available").booleanValue(), row.toString());
            if (vector) {
                vectors++;
                String reason = row.get("reason").textValue();
                assertTrue(reason.contains("--add-modules jdk.incubator.vector"), reason);
                if (row.get("workload").textValue().equals("dot")) {
                    assertEquals("polybench-runner: " + reason, exit3.stderr().strip());
                }
            } else {
                assertTrue(row.get("reason").isNull());
            }
        }
        assertEquals(2, vectors);
    }

    @Test
    void badArgumentsStillExitTwoBeforeAvailability() throws Exception {
        Child child = runChild("--workload", "dot", "--variant", "vector", "--size", "-5");
        assertEquals(2, child.exitCode(), child.stderr());
        assertTrue(child.stderr().contains("--size"), child.stderr());
    }
}
