package dev.jhsim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** machine-model knows hardware only: its sources import no other jhsim module. */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (static )?(dev\\.jhsim\\.[\\w.]+);", Pattern.MULTILINE);

    @Test
    void mainSourcesImportOnlyMachineModelPackages() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(p));
                    return m.results().map(r -> r.group(2)).filter(i -> !i.startsWith("dev.jhsim.machine."))
                            .map(i -> p + ": " + i).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
    }
}
