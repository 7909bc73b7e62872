package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The Java runner's --baseline mode (docs/runner-protocol.md#--baseline): the protocol on the empty input. */
class BaselineModeTest {

    @Test
    void baselineRunsTheWholeProtocolOnTheEmptyInputAndSaysSo() throws Exception {
        RunnerTest.Run r = RunnerTest.run("--workload", "dot", "--variant", "scalar", "--size", "0",
                "--warmup", "2", "--iterations", "3", "--baseline");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode j = r.json();
        // the same calls as a measuring process: warm-up (at least --warmup entries: the loop goes on
        // until calls per sample are calibrated) and measured ones on zero elements
        assertTrue(j.get("warmup_ns").size() >= 2, j.toString());
        assertEquals(3, j.get("samples_ns").size());
        // no verification input is made: the checksum is the seeded (empty) input's alone
        assertEquals("0.0", j.get("checksum").asText());
        assertTrue(j.get("extra").get("baseline_mode").asText().contains("empty input"), j.toString());
        assertTrue(j.get("peak_rss_bytes").asLong() > 0);
    }

    @Test
    void aMeasuringProcessHasNoBaselineMode() throws Exception {
        JsonNode j = RunnerTest.run("--workload", "dot", "--variant", "scalar", "--size", "0").json();
        assertTrue(!j.get("extra").has("baseline_mode"), j.toString());
        assertEquals(2, j.get("checksum").asText().split(" ").length); // with the verification input's
    }

    @Test
    void baselineWithElementsIsABadArgument() {
        RunnerTest.Run r = RunnerTest.run("--workload", "dot", "--variant", "scalar", "--size", "1000", "--baseline");
        assertEquals(Runner.EXIT_USAGE, r.exitCode());
        assertTrue(r.stderr().contains("--baseline") && r.stderr().contains("--size 0"), r.stderr());
    }
}
