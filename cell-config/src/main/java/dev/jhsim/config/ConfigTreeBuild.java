package dev.jhsim.config;

import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.c.CompileException;
import dev.jhsim.config.c.CompileOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step that turns a tree of C configuration sources into {@code .cell}
 * files, used by the {@code boards} module during the Maven build:
 *
 * <pre>ConfigTreeBuild SOURCE_DIR OUTPUT_DIR [--sources=GLOB] [-IDIR | -DNAME[=VALUE] | -UNAME]...</pre>
 *
 * Every {@code .c} file below SOURCE_DIR whose relative path matches GLOB
 * (default {@code **.c}) becomes OUTPUT_DIR/<i>same path</i>.cell, compiled with
 * the given options and jhsim's bundled headers, and checked to be a
 * configuration. No sources at all is fine. Errors are printed gcc-style; the
 * exit status is 1 if any source failed.
 */
public final class ConfigTreeBuild {
    private ConfigTreeBuild() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("usage: ConfigTreeBuild SOURCE_DIR OUTPUT_DIR [--sources=GLOB]"
                    + " [-IDIR | -DNAME[=VALUE] | -UNAME]...");
            return 2;
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        CompileOptions options = CompileOptions.DEFAULT;
        PathMatcher selected = FileSystems.getDefault().getPathMatcher("glob:**.c");
        for (String option : List.of(args).subList(2, args.length)) {
            String value = option.length() > 2 ? option.substring(2) : "";
            if (option.startsWith("--sources=")) {
                selected = FileSystems.getDefault().getPathMatcher("glob:" + option.substring("--sources=".length()));
            } else if (option.startsWith("-I") && !value.isEmpty()) {
                options = options.withIncludeDir(Path.of(value));
            } else if (option.startsWith("-D") && !value.isEmpty()) {
                options = options.withDefine(value);
            } else if (option.startsWith("-U") && !value.isEmpty()) {
                options = options.withUndefine(value);
            } else {
                err.println("ConfigTreeBuild: unknown option '" + option + "'");
                return 2;
            }
        }
        List<Path> files;
        try {
            files = cSources(sources, selected);
        } catch (IOException e) {
            err.println(sources + ": " + e.getMessage());
            return 1;
        }
        int failed = 0;
        for (Path source : files) {
            if (!compile(source, output.resolve(sources.relativize(source).toString().replaceFirst("\\.c$", ".cell")),
                    options, err)) {
                failed++;
            }
        }
        out.println("compiled " + (files.size() - failed) + " of " + files.size() + " configuration sources in "
                + sources);
        return failed == 0 ? 0 : 1;
    }

    private static List<Path> cSources(Path dir, PathMatcher selected) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && ConfigLoader.isCSource(p)
                    && selected.matches(dir.relativize(p))).sorted().toList();
        }
    }

    private static boolean compile(Path source, Path target, CompileOptions options, PrintStream err) {
        try {
            ConfigLoader.CompiledSource compiled = ConfigLoader.compileC(source, options, LayoutHint.AUTO);
            compiled.loaded().warnings().forEach(err::println);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".", ".tmp");
            Files.write(tmp, compiled.compiled().bytes());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (CompileException e) {
            e.lines().forEach(err::println);
        } catch (ConfigFormatException e) {
            err.println(e.describe(source.toString()) + " (the C source compiles, but not to a valid configuration)");
        } catch (IOException e) {
            err.println(target + ": " + e.getMessage());
        }
        return false;
    }
}
