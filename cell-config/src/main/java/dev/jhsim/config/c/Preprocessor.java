package dev.jhsim.config.c;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C preprocessor (C11 6.10): directives, conditional inclusion, file
 * inclusion and macro expansion, turning a source file into the token
 * sequence the parser sees.
 */
final class Preprocessor {
    private static final int MAX_INCLUDE_DEPTH = 200;

    private final IncludeResolver includes;
    private final List<String> warnings;
    private final Map<String, Macro> macros = new HashMap<>();
    private final MacroExpander expander = new MacroExpander(macros);
    private final Deque<OpenFile> files = new ArrayDeque<>();
    private final Set<String> includedOnce = new HashSet<>();
    private final TokenSource input = new TokenSource() {
        @Override
        protected Token fetch() throws CompileException {
            return nextFromFiles();
        }
    };

    /** A file being read: its tokens, how far we are, and its open conditional groups. */
    private static final class OpenFile {
        final SourceText source;
        final List<Token> tokens;
        final Deque<Conditional> conditionals = new ArrayDeque<>();
        int index;

        OpenFile(SourceText source) throws CompileException {
            this.source = source;
            this.tokens = Lexer.tokenize(source);
        }

        boolean active() {
            return conditionals.isEmpty() || conditionals.peek().active();
        }
    }

    Preprocessor(IncludeResolver includes, List<String> warnings) {
        this.includes = includes;
        this.warnings = warnings;
    }

    /** {@code -D NAME} or {@code -D NAME=VALUE} (NAME may have parameters); {@code origin} names where it came from. */
    void define(String option, String origin) throws CompileException {
        int eq = option.indexOf('=');
        String text = eq < 0 ? option + " 1" : option.substring(0, eq) + " " + option.substring(eq + 1);
        List<Token> tokens = Lexer.tokenize(SourceText.of(origin, text));
        define(tokens.get(0), tokens.subList(0, tokens.size() - 1));
    }

    /** {@code -U NAME}. */
    void undefine(String name) throws CompileException {
        List<Token> tokens = Lexer.tokenize(SourceText.of("<command-line>", name));
        undefine(tokens.get(0), tokens.subList(0, tokens.size() - 1));
    }

    /** Names of the macros defined at the end, for spelling suggestions. */
    Set<String> macroNames() {
        return macros.keySet();
    }

    /**
     * Preprocesses {@code main}, after the {@code -include} files, and returns
     * its tokens, ending with an end token.
     */
    List<Token> run(SourceText main, List<SourceText> forcedIncludes) throws CompileException {
        files.push(new OpenFile(main));
        for (int i = forcedIncludes.size() - 1; i >= 0; i--) {
            files.push(new OpenFile(forcedIncludes.get(i)));
        }
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = input.next();
            if (t.isEnd()) {
                out.add(t);
                return out;
            }
            if (expander.expand(t, input)) {
                continue;
            }
            if (t.kind() == TokenKind.IDENTIFIER && t.is("_Pragma")) {
                skipPragmaOperator(t);
                continue;
            }
            out.add(t);
        }
    }

    private Token nextFromFiles() throws CompileException {
        while (true) {
            OpenFile file = files.peek();
            Token t = file.tokens.get(file.index);
            if (t.isEnd()) {
                if (!file.conditionals.isEmpty()) {
                    Token open = file.conditionals.peek().directive();
                    throw CompileException.at(open.position(), "unterminated #" + open.text());
                }
                if (files.size() == 1) {
                    return t;
                }
                files.pop();
                continue;
            }
            file.index++;
            if (t.is("#") && t.lineStart()) {
                directive(file, t);
            } else if (file.active()) {
                if (t.kind() == TokenKind.UNTERMINATED) {
                    throw unterminated(t);
                }
                return t;
            }
        }
    }

    static CompileException unterminated(Token t) {
        int quote = 0;
        while (Lexer.isIdentifierPart(t.text().charAt(quote))) {
            quote++; // an encoding prefix such as L or u8
        }
        return CompileException.at(t.position(), "missing terminating " + t.text().charAt(quote) + " character");
    }

    private static List<Token> restOfLine(OpenFile file) {
        List<Token> line = new ArrayList<>();
        while (true) {
            Token t = file.tokens.get(file.index);
            if (t.lineStart()) {
                return line;
            }
            line.add(t);
            file.index++;
        }
    }

    private void directive(OpenFile file, Token hash) throws CompileException {
        List<Token> line = restOfLine(file);
        if (line.isEmpty()) {
            return;
        }
        Token name = line.get(0);
        List<Token> args = line.subList(1, line.size());
        boolean active = file.active();
        String directive = name.kind() == TokenKind.IDENTIFIER ? name.text() : "";
        switch (directive) {
            case "if":
                file.conditionals.push(new Conditional(name, active, active && evaluate(name, args)));
                return;
            case "ifdef":
            case "ifndef":
                boolean defined = active && expander.isDefined(macroName(name, args).text());
                file.conditionals.push(new Conditional(name, active, active && defined == directive.equals("ifdef")));
                return;
            case "elif":
                Conditional group = openGroup(file, name);
                if (group.sawElse()) {
                    throw CompileException.at(name.position(), "#elif after #else");
                }
                group.elif(group.needsCondition() && evaluate(name, args));
                return;
            case "else":
                group = openGroup(file, name);
                if (group.sawElse()) {
                    throw CompileException.at(name.position(), "#else after #else");
                }
                group.otherwise();
                return;
            case "endif":
                openGroup(file, name);
                file.conditionals.pop();
                return;
            default:
                break;
        }
        if (!active) {
            return;
        }
        switch (directive) {
            case "include" -> include(file, name, args);
            case "define" -> define(name, args);
            case "undef" -> undefine(name, args);
            case "error" -> throw CompileException.at(name.position(), "#error " + spell(args));
            case "warning" -> warnings.add(name.position().location() + ": warning: #warning " + spell(args));
            case "pragma" -> {
                if (!args.isEmpty() && args.get(0).is("once")) {
                    includedOnce.add(file.source.identity());
                }
            }
            case "ident", "sccs" -> {
                // gcc puts these strings in a section objcopy does not copy.
            }
            default -> throw CompileException.at(name.position(),
                    "invalid preprocessing directive #" + name.text()
                    + (directive.equals("line") || name.kind() == TokenKind.NUMBER ? " (line control is not supported)"
                            : ""));
        }
    }

    private static Conditional openGroup(OpenFile file, Token name) throws CompileException {
        if (file.conditionals.isEmpty()) {
            throw CompileException.at(name.position(), "#" + name.text() + " without #if");
        }
        return file.conditionals.peek();
    }

    private static Token macroName(Token directive, List<Token> args) throws CompileException {
        if (args.isEmpty()) {
            throw CompileException.at(directive.position(),
                    "no macro name given in #" + directive.text() + " directive");
        }
        Token name = args.get(0);
        if (name.kind() != TokenKind.IDENTIFIER) {
            throw CompileException.at(name.position(), "macro names must be identifiers");
        }
        if (name.text().equals("defined")) {
            throw CompileException.at(name.position(), "\"defined\" cannot be used as a macro name");
        }
        return name;
    }

    private void define(Token directive, List<Token> args) throws CompileException {
        Token name = macroName(directive, args);
        int i = 1;
        boolean functionLike = args.size() > 1 && args.get(1).is("(") && !args.get(1).spaceBefore();
        List<String> parameters = new ArrayList<>();
        boolean variadic = false;
        if (functionLike) {
            i = 2;
            if (i < args.size() && args.get(i).is(")")) {
                i++;
            } else {
                while (true) {
                    Token p = parameterToken(args, i, name);
                    if (p.is("...")) {
                        variadic = true;
                        parameters.add("__VA_ARGS__");
                    } else if (p.kind() == TokenKind.IDENTIFIER) {
                        if (parameters.contains(p.text())) {
                            throw CompileException.at(p.position(), "duplicate macro parameter \"" + p.text() + "\"");
                        }
                        parameters.add(p.text());
                        if (i + 1 < args.size() && args.get(i + 1).is("...")) {
                            variadic = true;
                            i++;
                        }
                    } else {
                        throw CompileException.at(p.position(), "expected parameter name, found \"" + p.text() + "\"");
                    }
                    Token after = parameterToken(args, ++i, name);
                    i++;
                    if (after.is(")")) {
                        break;
                    }
                    if (variadic || !after.is(",")) {
                        throw CompileException.at(after.position(), "expected ',' or ')', found \"" + after.text() + "\"");
                    }
                }
            }
        }
        List<Token> body = new ArrayList<>();
        for (Token t : args.subList(i, args.size())) {
            body.add(body.isEmpty() ? t.withSpaceBefore(false) : t);
        }
        Macro macro = new Macro(name.text(), functionLike, List.copyOf(parameters), variadic, List.copyOf(body));
        checkOperators(macro);
        Macro old = macros.put(macro.name(), macro);
        if (old != null && !old.sameAs(macro)) {
            warnings.add(name.position().location() + ": warning: \"" + name.text() + "\" redefined");
        }
    }

    private static Token parameterToken(List<Token> args, int i, Token name) throws CompileException {
        if (i >= args.size()) {
            throw CompileException.at(name.position(), "missing ')' in macro parameter list");
        }
        return args.get(i);
    }

    private static void checkOperators(Macro macro) throws CompileException {
        List<Token> body = macro.body();
        if (!body.isEmpty() && (body.get(0).is("##") || body.get(body.size() - 1).is("##"))) {
            Token culprit = body.get(0).is("##") ? body.get(0) : body.get(body.size() - 1);
            throw CompileException.at(culprit.position(), "'##' cannot appear at either end of a macro expansion");
        }
        if (!macro.functionLike()) {
            return;
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).is("#") && (i + 1 == body.size() || macro.parameterIndex(body.get(i + 1).text()) < 0
                    || body.get(i + 1).kind() != TokenKind.IDENTIFIER)) {
                throw CompileException.at(body.get(i).position(), "'#' is not followed by a macro parameter");
            }
        }
    }

    private void undefine(Token directive, List<Token> args) throws CompileException {
        macros.remove(macroName(directive, args).text());
    }

    private void include(OpenFile file, Token directive, List<Token> args) throws CompileException {
        if (files.size() >= MAX_INCLUDE_DEPTH) {
            throw CompileException.at(directive.position(),
                    "#include nested depth " + files.size() + " exceeds maximum of " + MAX_INCLUDE_DEPTH);
        }
        List<Token> spec = args;
        if (spec.isEmpty() || !(spec.get(0).kind() == TokenKind.STRING || spec.get(0).is("<"))) {
            spec = expander.expandAll(args, directive.position());
        }
        if (spec.isEmpty() || !(spec.get(0).kind() == TokenKind.STRING && spec.get(0).text().startsWith("\"")
                || spec.get(0).is("<"))) {
            throw CompileException.at(directive.position(), "#include expects \"FILENAME\" or <FILENAME>");
        }
        Token first = spec.get(0);
        boolean quoted = first.kind() == TokenKind.STRING;
        String name = quoted ? first.text().substring(1, first.text().length() - 1) : angleName(spec, directive);
        Position at = new Position(first.position().source(), first.position().offset(),
                name.length() + 2);
        SourceText found;
        try {
            found = includes.find(name, quoted, file.source);
        } catch (IOException e) {
            throw CompileException.at(at, name + ": " + e.getMessage());
        }
        if (found == null) {
            throw CompileException.at(at, name + ": No such file or directory");
        }
        if (!includedOnce.contains(found.identity())) {
            files.push(new OpenFile(found));
        }
    }

    /** The name between {@code <} and {@code >}, read from the source text itself so that it is not tokenised. */
    private static String angleName(List<Token> spec, Token directive) throws CompileException {
        Position open = spec.get(0).position();
        String text = open.source().text();
        int end = open.offset() + 1;
        while (end < text.length() && text.charAt(end) != '>' && text.charAt(end) != '\n') {
            end++;
        }
        if (text.charAt(open.offset()) == '<' && end < text.length() && text.charAt(end) == '>') {
            return text.substring(open.offset() + 1, end);
        }
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < spec.size(); i++) {
            if (spec.get(i).is(">")) {
                return name.toString();
            }
            name.append(i > 1 && spec.get(i).spaceBefore() ? " " : "").append(spec.get(i).text());
        }
        throw CompileException.at(directive.position(), "missing terminating > character");
    }

    /** Evaluates the condition of {@code #if} or {@code #elif} (C11 6.10.1). */
    private boolean evaluate(Token directive, List<Token> tokens) throws CompileException {
        TokenSource source = TokenSource.of(tokens, directive.position());
        List<Token> expression = new ArrayList<>();
        for (Token t = source.next(); !t.isEnd(); t = source.next()) {
            if (t.kind() == TokenKind.IDENTIFIER && t.text().equals("defined")) {
                expression.add(definedOperator(t, source));
            } else if (!expander.expand(t, source)) {
                if (t.kind() == TokenKind.UNTERMINATED) {
                    throw unterminated(t);
                }
                // Identifiers left after expansion, keywords included, are 0.
                expression.add(t.kind() == TokenKind.IDENTIFIER ? Token.of(TokenKind.NUMBER, "0", t.position()) : t);
            }
        }
        if (expression.isEmpty()) {
            throw CompileException.at(directive.position(), "#" + directive.text() + " with no expression");
        }
        Token last = expression.get(expression.size() - 1);
        expression.add(Token.of(TokenKind.END, "", last.position()));
        TokenCursor cursor = new TokenCursor(expression);
        Expr condition = new ExpressionParser(cursor, ExpressionParser.TypeNames.NONE).expression();
        if (!cursor.peek().isEnd()) {
            throw CompileException.at(cursor.peek().position(),
                    "missing binary operator before token \"" + cursor.peek().text() + "\"");
        }
        return !ConstantEvaluator.forPreprocessor().value(condition).isZero();
    }

    private Token definedOperator(Token defined, TokenSource source) throws CompileException {
        Token t = source.next();
        boolean parenthesised = t.is("(");
        if (parenthesised) {
            t = source.next();
        }
        if (t.kind() != TokenKind.IDENTIFIER) {
            throw CompileException.at(t.isEnd() ? defined.position() : t.position(),
                    "operator \"defined\" requires an identifier");
        }
        if (parenthesised && !source.next().is(")")) {
            throw CompileException.at(defined.position(), "missing ')' after \"defined\"");
        }
        return Token.of(TokenKind.NUMBER, expander.isDefined(t.text()) ? "1" : "0", defined.position());
    }

    private void skipPragmaOperator(Token pragma) throws CompileException {
        if (!input.next().is("(") || input.next().kind() != TokenKind.STRING || !input.next().is(")")) {
            throw CompileException.at(pragma.position(), "_Pragma takes a parenthesized string literal");
        }
    }

    /** The spelling of tokens as written, single spaces where there was space. */
    private static String spell(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (Token t : tokens) {
            text.append(text.length() > 0 && t.spaceBefore() ? " " : "").append(t.text());
        }
        return text.toString();
    }
}
