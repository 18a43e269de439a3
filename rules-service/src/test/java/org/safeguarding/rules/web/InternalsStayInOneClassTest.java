package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Vert.x and Quarkus internals are reached from {@link VertxBuffers} alone: an upgrade has one class to look at. */
class InternalsStayInOneClassTest {
    private static final Pattern INTERNAL = Pattern.compile("\\b(io\\.vertx|io\\.quarkus)(\\.\\w+)*\\.(impl|utils)\\.\\w+");

    @Test
    void no_other_main_class_names_an_impl_or_utils_package() throws Exception {
        Path main = Path.of("src", "main", "java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("VertxBuffers.java"))
                    .filter(f -> {
                        try {
                            return INTERNAL.matcher(Files.readString(f)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(INTERNAL.matcher(Files.readString(main.resolve("org/safeguarding/rules/web/VertxBuffers.java"))).find())
                .as("the pattern finds the adapter's own imports").isTrue();
    }
}
