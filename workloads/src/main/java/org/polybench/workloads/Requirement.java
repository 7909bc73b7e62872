package org.polybench.workloads;

import java.util.Optional;

/**
 * What a variant needs from the JVM beyond the base modules. Checked before the variant's class is
 * instantiated, so a missing module turns into exit 3 with a reason instead of a
 * {@code NoClassDefFoundError}.
 */
public enum Requirement {

    NONE {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }
    },

    /** The incubating Vector API, which the JVM resolves only when asked to. */
    VECTOR_API {
        @Override
        public Optional<String> unavailableReason() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("the Vector API module " + VECTOR_MODULE
                    + " is not in the boot layer; start the JVM with --add-modules " + VECTOR_MODULE);
        }
    };

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Empty when the requirement is met, otherwise why not and how to fix it. */
    public abstract Optional<String> unavailableReason();
}
