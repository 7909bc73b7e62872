package org.polybench.workloads;

import org.polybench.workloads.dot.DotScalarVariant;
import org.polybench.workloads.dot.DotWorkload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void standardListsTheDocumentedImplementations() {
        Registry registry = Registry.standard();
        assertEquals(List.of("dot", "normalize", "parallel", "tokenize", "binary-trees"), registry.workloads());
        assertEquals(List.of("objects", "objects-parallel", "objects-zgc"), registry.variants("binary-trees"));
        assertEquals(List.of("-XX:+UseZGC"), registry.find("binary-trees", "objects-zgc").orElseThrow().jvmFlags());
        assertEquals(List.of(), registry.find("binary-trees", "objects").orElseThrow().jvmFlags());
        assertEquals(List.of("native"), registry.variants("tokenize"));
        assertEquals(List.of("threads", "parallel-streams"), registry.variants("parallel"));
        assertEquals(List.of("scalar", "vector"), registry.variants("dot"));
        assertEquals(List.of("scalar", "vector"), registry.variants("normalize"));
        assertEquals(Requirement.VECTOR_API, registry.find("dot", "vector").orElseThrow().requirement());
        assertEquals(Requirement.NONE, registry.find("normalize", "scalar").orElseThrow().requirement());
        assertTrue(registry.find("dot", "nope").isEmpty());
        assertTrue(registry.find("nope", "scalar").isEmpty());
        assertEquals(List.of(), registry.variants("nope"));
        assertEquals(Kind.OPTIMIZED, registry.find("tokenize", "native").orElseThrow().kind());
        assertEquals(Kind.IDIOMATIC, registry.find("parallel", "threads").orElseThrow().kind());
    }

    @Test
    void theCatalogueIsTheTable() {
        Registry registry = Registry.standard();
        Catalogue c = registry.catalogue("java", "java");
        assertEquals(2, c.protocol());
        assertEquals(registry.registrations().size(), c.implementations().size());
        for (int i = 0; i < c.implementations().size(); i++) {
            Registry.Registration<?, ?> r = registry.registrations().get(i);
            Catalogue.Row row = c.implementations().get(i);
            assertEquals(r.workload().name(), row.workload());
            assertEquals(r.variant(), row.variant());
            assertEquals(r.kind(), row.kind());
            assertEquals(r.description(), row.description());
        }
    }

    @Test
    void descriptionsAreOneLine() {
        assertThrows(IllegalArgumentException.class, () -> new Registry()
                .register(new DotWorkload(), "x", Kind.NAIVE, "two\nlines", Requirement.NONE, DotScalarVariant::new));
    }

    @Test
    void aNewVariantIsOneRegistrationLine() {
        DotWorkload dot = new DotWorkload();
        Registry registry = new Registry()
                .register(dot, "scalar", Kind.NAIVE, "a test variant", Requirement.NONE, DotScalarVariant::new)
                .register(dot, "streams", Kind.NAIVE, "a test variant", Requirement.NONE, () -> input ->
                        java.util.stream.IntStream.range(0, input.a().length)
                                .mapToDouble(i -> input.a()[i] * input.b()[i]).sum());
        assertEquals(List.of("scalar", "streams"), registry.variants("dot"));
    }

    @Test
    void duplicatesAreRejected() {
        DotWorkload dot = new DotWorkload();
        Registry registry = new Registry().register(dot, "scalar", Kind.NAIVE, "a test variant", Requirement.NONE, DotScalarVariant::new);
        assertThrows(IllegalArgumentException.class,
                () -> registry.register(dot, "scalar", Kind.NAIVE, "a test variant", Requirement.NONE, DotScalarVariant::new));
        assertThrows(IllegalArgumentException.class,
                () -> registry.register(new DotWorkload(), "vector", Kind.NAIVE, "a test variant", Requirement.NONE, DotScalarVariant::new));
    }

    @Test
    void vectorApiIsAvailableInTheTestJvm() {
        // surefire starts the tests with --add-modules jdk.incubator.vector (see pom.xml).
        assertTrue(Requirement.VECTOR_API.unavailableReason().isEmpty());
        assertTrue(Requirement.NONE.unavailableReason().isEmpty());
    }
}
