package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces DESIGN.md's dependency direction: a module never imports a module
 * above it, neither in Java imports nor in its pom's dependencies.
 */
class ModuleLayeringTest {
    /** Each module's package and the modules it may use. */
    private static final Map<String, String> PACKAGES = Map.of(
            "cell-config", "dev.jhsim.config",
            "machine-model", "dev.jhsim.machine",
            "hypervisor-core", "dev.jhsim.hypervisor",
            "boards", "dev.jhsim.boards",
            "inmates", "dev.jhsim.inmates",
            "cli", "dev.jhsim.cli",
            "src-test-fixtures", "dev.jhsim.fixtures");

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cell-config", Set.of(),
            "machine-model", Set.of(),
            "hypervisor-core", Set.of("cell-config", "machine-model"),
            "boards", Set.of(),
            "inmates", Set.of(),
            "cli", Set.of("cell-config", "machine-model", "hypervisor-core", "boards", "inmates"),
            "src-test-fixtures", Set.of());

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.jhsim\\.[\\w.]+)",
            Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern JHSIM_ARTIFACT = Pattern.compile(
            "<groupId>dev\\.jhsim</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");
    private static final Pattern SCOPE = Pattern.compile("<scope>(\\w+)</scope>");

    @Test
    void noModuleImportsAModuleAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : PACKAGES.keySet()) {
            Path main = Repo.path(module + "/src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String target = owner(m.group(1));
                        if (target != null && !target.equals(module) && !ALLOWED.get(module).contains(target)) {
                            violations.add(Repo.root().relativize(file) + " imports " + m.group(1)
                                    + " from " + target);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Main code may depend only on modules below it. Test-scope dependencies
     * (tests running inmates on the machine model) and provided-scope ones
     * (the boards build running the configuration compiler) do not ship in
     * the module's code, so they are not part of the layering.
     */
    @Test
    void noPomDependsOnAModuleAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : PACKAGES.keySet()) {
            String pom = Files.readString(Repo.path(module + "/pom.xml"));
            Matcher dependency = DEPENDENCY.matcher(pom);
            while (dependency.find()) {
                Matcher artifact = JHSIM_ARTIFACT.matcher(dependency.group(1));
                if (!artifact.find()) {
                    continue;
                }
                String target = artifact.group(1);
                Matcher scoped = SCOPE.matcher(dependency.group(1));
                String scope = scoped.find() ? scoped.group(1) : "compile";
                boolean shipsWithTheModule = scope.equals("compile") || scope.equals("runtime");
                if (shipsWithTheModule && !ALLOWED.get(module).contains(target)) {
                    violations.add(module + "/pom.xml depends on " + target + " (" + scope + " scope)");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckCanFail() {
        // A lower module importing a higher one must be recognised as a violation.
        assertEquals("cli", owner("dev.jhsim.cli.Main"));
        assertEquals(false, ALLOWED.get("machine-model").contains(owner("dev.jhsim.hypervisor.Cell")));
        Matcher artifact = JHSIM_ARTIFACT.matcher("<groupId>dev.jhsim</groupId>\n  <artifactId>cli</artifactId>");
        assertEquals(true, artifact.find());
        assertEquals("cli", artifact.group(1));
    }

    private static String owner(String importedName) {
        String best = null;
        for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
            String pkg = e.getValue();
            if ((importedName.equals(pkg) || importedName.startsWith(pkg + "."))
                    && (best == null || pkg.length() > PACKAGES.get(best).length())) {
                best = e.getKey();
            }
        }
        return best;
    }
}
