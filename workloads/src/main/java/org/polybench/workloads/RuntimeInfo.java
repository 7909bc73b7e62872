package org.polybench.workloads;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The protocol's {@code runtime} object for the JVM: what a Java result depends on besides the code. */
public final class RuntimeInfo {

    private RuntimeInfo() {}

    /** VM name, version, vendor, the JVM flags it was started with and its collectors, then the variant's own entries. */
    public static Map<String, Object> describe(Map<String, Object> variantInfo) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("name", System.getProperty("java.vm.name"));
        runtime.put("version", System.getProperty("java.runtime.version"));
        runtime.put("vendor", System.getProperty("java.vendor"));
        runtime.put("jvm_args",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        runtime.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", ")));
        runtime.putAll(variantInfo);
        return runtime;
    }
}
