package dev.jhsim.config.c;

import java.util.List;

/**
 * A compiled configuration: exactly the bytes gcc and {@code objcopy -O binary}
 * produce, where each byte came from, and the warnings (as gcc prints them,
 * e.g. {@code #warning} or a redefined macro).
 */
public record CompileResult(byte[] bytes, SourceMap sourceMap, List<String> warnings) {
    public CompileResult {
        warnings = List.copyOf(warnings);
    }
}
