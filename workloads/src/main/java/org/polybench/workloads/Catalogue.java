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

    /** One (workload, variant) the runner implements; {@code reason} is null when available. */
    @JsonPropertyOrder({"workload", "variant", "kind", "description", "available", "reason", "opt_in"})
    public record Row(
            @JsonProperty("workload") String workload,
            @JsonProperty("variant") String variant,
            @JsonProperty("kind") Kind kind,
            @JsonProperty("description") String description,
            @JsonProperty("available") boolean available,
            @JsonProperty("reason") String reason,
            @JsonProperty("opt_in") boolean optIn) {}

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
