package org.polybench.workloads;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The one JSON document a runner prints for {@code --list} (runner protocol 2). */
@JsonPropertyOrder({"protocol", "runner", "language", "implementations"})
public record Catalogue(
        @JsonProperty("protocol") int protocol,
        @JsonProperty("runner") String runner,
        @JsonProperty("language") String language,
        @JsonProperty("implementations") List<Row> implementations) {

    /**
     * One (workload, variant) the runner implements; {@code reason} is null when available. {@code
     * jvm_flags} (left out when empty): the JVM options this variant must be started with (e.g. its
     * collector); the harness's JavaLanguage adds them to the command line and the runner refuses to
     * measure without them.
     */
    @JsonPropertyOrder({"workload", "variant", "kind", "description", "available", "reason", "opt_in", "jvm_flags"})
    public record Row(
            @JsonProperty("workload") String workload,
            @JsonProperty("variant") String variant,
            @JsonProperty("kind") Kind kind,
            @JsonProperty("description") String description,
            @JsonProperty("available") boolean available,
            @JsonProperty("reason") String reason,
            @JsonProperty("opt_in") boolean optIn,
            @JsonProperty("jvm_flags") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> jvmFlags) {

        public Row {
            jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        }

        /** A row whose variant needs no JVM flags of its own. */
        public Row(String workload, String variant, Kind kind, String description, boolean available, String reason,
                boolean optIn) {
            this(workload, variant, kind, description, available, reason, optIn, List.of());
        }
    }

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
