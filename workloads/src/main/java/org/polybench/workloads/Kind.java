package org.polybench.workloads;

import com.fasterxml.jackson.annotation.JsonValue;

/** The catalogue's {@code kind} of an implementation (runner protocol 2, {@code --list}). */
public enum Kind {
    NAIVE, IDIOMATIC, OPTIMIZED;

    /** The protocol spelling: {@code naive}, {@code idiomatic} or {@code optimized}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
