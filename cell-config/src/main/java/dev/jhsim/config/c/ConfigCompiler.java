package dev.jhsim.config.c;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a Jailhouse C configuration source into the bytes gcc and
 * {@code objcopy -O binary} would produce, without a C toolchain: preprocess,
 * parse, lay out the one initialised object.
 */
public final class ConfigCompiler {
    /** Macros gcc predefines that headers may test (none names a CPU), and {@code __JHSIM__}. */
    private static final List<String> PREDEFINED = List.of("__STDC__=1", "__STDC_VERSION__=201710L",
            "__STDC_HOSTED__=1", "__CHAR_BIT__=8", "__SIZEOF_SHORT__=2", "__SIZEOF_INT__=4", "__SIZEOF_LONG__=8",
            "__SIZEOF_LONG_LONG__=8", "__SIZEOF_POINTER__=8", "__LP64__=1", "_LP64=1",
            "__ORDER_LITTLE_ENDIAN__=1234", "__ORDER_BIG_ENDIAN__=4321",
            "__BYTE_ORDER__=__ORDER_LITTLE_ENDIAN__", "__JHSIM__=1");

    private ConfigCompiler() {
    }

    /** One object defined with an initialiser, laid out. */
    private record Definition(CObject object, InitializerLayout.Result layout) {
    }

    /**
     * Compiles {@code source}. Diagnostics locate the source by the path as
     * given, like gcc's.
     *
     * @throws CompileException at the first error, as gcc words it
     */
    public static CompileResult compile(Path source, CompileOptions options) throws CompileException {
        try {
            return compileSource(source, options);
        } catch (StackOverflowError e) {
            throw CompileException.general(source.toString(), "expressions, initialisers or macro arguments are"
                    + " nested too deeply to compile");
        }
    }

    private static CompileResult compileSource(Path source, CompileOptions options) throws CompileException {
        List<String> warnings = new ArrayList<>();
        Preprocessor preprocessor = new Preprocessor(
                new IncludeResolver(options.includeDirs(), options.bundledHeaders()), warnings);
        for (String definition : PREDEFINED) {
            preprocessor.define(definition, "<built-in>");
        }
        for (CompileOptions.MacroOption option : options.macros()) {
            if (option instanceof CompileOptions.Define d) {
                checkMacroName(d.definition().split("[=(]", 2)[0], "-D");
                preprocessor.define(d.definition(), "<command-line>");
            } else {
                String name = ((CompileOptions.Undefine) option).name();
                checkMacroName(name, "-U");
                preprocessor.undefine(name);
            }
        }
        List<SourceText> forced = new ArrayList<>();
        for (Path file : options.forcedIncludes()) {
            forced.add(read(file, "<command-line>"));
        }
        List<Token> tokens = preprocessor.run(read(source, source.toString()), forced);

        Scope scope = new Scope();
        ConstantEvaluator evaluator = ConstantEvaluator.forCode(scope, preprocessor.macroNames());
        List<Definition> definitions = new ArrayList<>();
        new Parser(tokens, scope, evaluator, (object, initializer) -> {
            InitializerLayout.Result layout = InitializerLayout.layout(object, initializer, evaluator);
            object.completeType(layout.type());
            definitions.add(new Definition(object, layout));
        }).parseTranslationUnit();
        return result(source, scope, definitions, warnings);
    }

    /**
     * objcopy's output, which must come from exactly one object. Like gcc, a
     * non-const object holding only zeros goes to .bss (no bytes), and a const
     * one declared without initialiser to .rodata as zeros.
     */
    private static CompileResult result(Path source, Scope scope, List<Definition> definitions,
            List<String> warnings) throws CompileException {
        List<Definition> emitted = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.object().isConst() || !allZero(d.layout().bytes())) {
                emitted.add(d);
            }
        }
        for (CObject o : scope.objects()) {
            if (o.isTentative() && o.isConst() && o.type().isComplete()) {
                emitted.add(new Definition(o, new InitializerLayout.Result(new byte[(int) o.type().size()],
                        SourceMap.NONE, o.type())));
            }
        }
        if (emitted.isEmpty()) {
            if (!definitions.isEmpty()) {
                CObject zeros = definitions.get(0).object();
                throw CompileException.at(zeros.nameToken().position(), "'" + zeros.name() + "' is all zeros;"
                        + " gcc would place it in .bss, which objcopy -O binary leaves out");
            }
            throw CompileException.general(source.toString(), "no object is defined with an initialiser; a"
                    + " configuration source defines one, e.g. 'struct { ... } config = { ... };'");
        }
        if (emitted.size() > 1) {
            CObject first = emitted.get(0).object();
            CObject second = emitted.get(1).object();
            throw CompileException.at(second.nameToken().position(), "'" + second.name() + "' would be a second"
                    + " object in the output; a configuration source defines only one (here '" + first.name()
                    + "' at " + first.nameToken().position().location() + ")");
        }
        InitializerLayout.Result only = emitted.get(0).layout();
        return new CompileResult(only.bytes(), only.sourceMap(), warnings);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkMacroName(String name, String option) throws CompileException {
        if (name.isEmpty() || !Lexer.isIdentifierStart(name.charAt(0))
                || !name.chars().allMatch(c -> Lexer.isIdentifierPart((char) c))) {
            throw CompileException.general("<command-line>", name.isEmpty() ? "macro name missing after " + option
                    : "macro names must be identifiers: '" + name + "'");
        }
    }

    private static SourceText read(Path file, String where) throws CompileException {
        try {
            return HeaderDir.read(file);
        } catch (NoSuchFileException e) {
            throw CompileException.general(where, file + ": No such file or directory");
        } catch (IOException e) {
            throw CompileException.general(where, file + ": " + e.getMessage());
        }
    }
}
