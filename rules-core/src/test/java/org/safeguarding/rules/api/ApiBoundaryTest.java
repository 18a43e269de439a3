package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build check of the library's boundary: code outside rules-core (the wire format, the
 * command line, the service, the benchmarks, the example applications) reaches rules-core only
 * through {@code org.safeguarding.rules.api}, and the API's public signatures carry no internal,
 * Drools or POI type. A new internal package is covered as soon as it exists.
 */
class ApiBoundaryTest {
    private static final Path CORE = Path.of("src/main/java/org/safeguarding/rules");
    private static final Path PROJECT = Path.of("..");

    @Test
    void noMainSourceOutsideRulesCoreUsesAnInternalPackage() throws IOException {
        Set<String> internal = internalPackages();
        assertThat(internal).contains("engine", "tables", "analysis", "scenarios", "files");
        Pattern reference = Pattern.compile("org\\.safeguarding\\.rules\\.(" + String.join("|", internal) + ")\\b");
        List<Path> roots = sourceRootsOutsideCore();
        assertThat(roots.stream().map(r -> PROJECT.relativize(r).getName(0).toString()))
                .contains("rules-json", "rules-cli", "rules-service", "rules-benchmarks", "examples");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : roots) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(source);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = reference.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(PROJECT.relativize(source) + ":" + (i + 1) + " uses org.safeguarding.rules." + m.group(1)
                                    + ": use org.safeguarding.rules (the entry points) or org.safeguarding.rules.api (the values) instead (add to them if they lack something)");
                        }
                    }
                }
            }
        }
        assertThat(files).as("main sources checked").isGreaterThan(30);
        assertThat(found).isEmpty();
    }

    @Test
    void theApiSignaturesCarryNoInternalDroolsOrPoiType() throws Exception {
        Set<String> internal = internalPackages();
        List<String> found = new ArrayList<>();
        // The public API: the entry points in the root package and the values in api.
        try (Stream<Path> sources = Stream.concat(Files.list(CORE), Files.list(CORE.resolve("api")))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                String pkg = source.getParent().equals(CORE) ? "org.safeguarding.rules." : "org.safeguarding.rules.api.";
                Class<?> type = Class.forName(pkg + name);
                check(type, internal, found);
                for (Class<?> nested : type.getDeclaredClasses()) {
                    if (Modifier.isPublic(nested.getModifiers())) {
                        check(nested, internal, found);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static void check(Class<?> type, Set<String> internal, List<String> found) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type) {
                members.add(method);
            }
        }
        for (Executable member : members) {
            List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
            types.addAll(List.of(member.getGenericExceptionTypes()));
            if (member instanceof Method method) {
                types.add(method.getGenericReturnType());
            }
            for (Type used : types) {
                for (String name : typeNames(used)) {
                    boolean forbidden = name.startsWith("org.drools") || name.startsWith("org.kie") || name.startsWith("org.apache.poi")
                            || internal.stream().anyMatch(p -> name.startsWith("org.safeguarding.rules." + p + "."));
                    if (forbidden) {
                        found.add(type.getName() + "." + member.getName() + " uses " + name);
                    }
                }
            }
        }
    }

    private static Set<String> typeNames(Type type) {
        Set<String> names = new TreeSet<>();
        if (type instanceof Class<?> c) {
            names.add((c.isArray() ? c.getComponentType() : c).getName());
        } else if (type instanceof ParameterizedType p) {
            names.addAll(typeNames(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                names.addAll(typeNames(argument));
            }
        }
        return names;
    }

    private static Set<String> internalPackages() throws IOException {
        try (Stream<Path> packages = Files.list(CORE)) {
            Set<String> names = new TreeSet<>();
            packages.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.equals("api")).forEach(names::add);
            return names;
        }
    }

    private static List<Path> sourceRootsOutsideCore() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Stream.concat(Files.list(PROJECT), Files.isDirectory(PROJECT.resolve("examples"))
                ? Files.list(PROJECT.resolve("examples")) : Stream.empty())) {
            modules.filter(m -> !m.getFileName().toString().equals("rules-core"))
                    .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        return roots;
    }
}
