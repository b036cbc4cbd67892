package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands macro invocations with Prosser's algorithm (hide sets), which gives
 * gcc's results for rescanning and nested invocations: a token never expands
 * a macro it came out of.
 */
final class MacroExpander {
    /** Macros gcc computes at each use; they count as defined. */
    static final Set<String> BUILTINS = Set.of("__LINE__", "__FILE__", "__COUNTER__");

    private final Map<String, Macro> macros;
    private int counter;

    MacroExpander(Map<String, Macro> macros) {
        this.macros = macros;
    }

    boolean isDefined(String name) {
        return macros.containsKey(name) || BUILTINS.contains(name);
    }

    /**
     * If {@code name} invokes a macro here, pushes the expansion back onto
     * {@code source} (to be rescanned with what follows) and returns true.
     */
    boolean expand(Token name, TokenSource source) throws CompileException {
        if (name.kind() != TokenKind.IDENTIFIER || name.hideSet().contains(name.text())) {
            return false;
        }
        Macro macro = macros.get(name.text());
        if (macro == null) {
            Token builtin = builtin(name);
            if (builtin != null) {
                source.pushBack(builtin);
            }
            return builtin != null;
        }
        Set<String> hidden;
        List<List<Token>> arguments = new ArrayList<>();
        if (macro.functionLike()) {
            Token open = source.next();
            if (!open.is("(")) {
                source.pushBack(open);
                return false;
            }
            Token close = collectArguments(macro, name, source, arguments);
            hidden = new HashSet<>(name.hideSet());
            hidden.retainAll(close.hideSet());
        } else {
            hidden = new HashSet<>(name.hideSet());
        }
        hidden.add(macro.name());
        List<Token> expansion = substitute(macro, arguments, name);
        List<Token> result = new ArrayList<>(expansion.size());
        for (Token t : expansion) {
            Set<String> tokenHidden = new HashSet<>(t.hideSet());
            tokenHidden.addAll(hidden);
            result.add(t.withHideSet(Set.copyOf(tokenHidden)));
        }
        if (!result.isEmpty()) {
            result.set(0, result.get(0).withSpaceBefore(name.spaceBefore()));
        }
        source.pushBack(result);
        return true;
    }

    /** Fully expands a list of tokens on its own, as a macro argument is before substitution. */
    List<Token> expandAll(List<Token> tokens, Position end) throws CompileException {
        TokenSource source = TokenSource.of(tokens, end);
        List<Token> out = new ArrayList<>();
        for (Token t = source.next(); !t.isEnd(); t = source.next()) {
            if (!expand(t, source)) {
                out.add(t);
            }
        }
        return out;
    }

    private Token builtin(Token name) {
        Position at = name.position();
        switch (name.text()) {
            case "__LINE__":
                return Token.of(TokenKind.NUMBER, Integer.toString(at.location().line()), at);
            case "__FILE__":
                return Token.of(TokenKind.STRING, quote(at.source().name()), at);
            case "__COUNTER__":
                return Token.of(TokenKind.NUMBER, Integer.toString(counter++), at);
            default:
                return null;
        }
    }

    /** Reads the arguments up to the closing parenthesis, which it returns. */
    private static Token collectArguments(Macro macro, Token name, TokenSource source, List<List<Token>> arguments)
            throws CompileException {
        int parameters = macro.parameters().size();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        Token close;
        while (true) {
            Token t = source.next();
            if (t.isEnd()) {
                throw CompileException.at(name.position(),
                        "unterminated argument list invoking macro \"" + macro.name() + "\"");
            }
            if (t.lineStart()) {
                t = t.withSpaceBefore(true);
            }
            if (depth == 0 && t.is(")")) {
                arguments.add(current);
                close = t;
                break;
            }
            boolean collectsRest = macro.variadic() && arguments.size() == parameters - 1;
            if (depth == 0 && t.is(",") && !collectsRest) {
                arguments.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
            current.add(t);
        }
        if (parameters == 0 && arguments.size() == 1 && arguments.get(0).isEmpty()) {
            arguments.clear();
        }
        if (macro.variadic() && arguments.size() == parameters - 1) {
            arguments.add(List.of());
        }
        if (arguments.size() < parameters) {
            throw CompileException.at(name.position(), "macro \"" + macro.name() + "\" requires " + parameters
                    + " arguments, but only " + arguments.size() + " given");
        }
        if (arguments.size() > parameters) {
            throw CompileException.at(name.position(), "macro \"" + macro.name() + "\" passed " + arguments.size()
                    + " arguments, but takes just " + parameters);
        }
        return close;
    }

    /** The replacement list with arguments substituted, {@code #} and {@code ##} applied (C11 6.10.3.1-3). */
    private List<Token> substitute(Macro macro, List<List<Token>> arguments, Token call) throws CompileException {
        Position at = call.position();
        List<Token> body = macro.body();
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Token t = body.get(i);
            Token next = i + 1 < body.size() ? body.get(i + 1) : null;
            if (t.is(",") && next != null && next.is("##") && i + 2 < body.size()
                    && macro.variadic() && macro.parameterIndex(body.get(i + 2).text()) == arguments.size() - 1) {
                // GNU: ", ## __VA_ARGS__" drops the comma when there are no variable arguments.
                List<Token> rest = arguments.get(arguments.size() - 1);
                if (!rest.isEmpty()) {
                    out.add(t.expandedAt(at));
                    out.addAll(copy(rest, body.get(i + 2)));
                }
                i += 2;
            } else if (t.is("#") && macro.functionLike()) {
                out.add(stringize(arguments.get(macro.parameterIndex(next.text())), at, t.spaceBefore()));
                i++;
            } else if (t.is("##")) {
                List<Token> right;
                if (next.is("#") && macro.functionLike()) {
                    right = List.of(stringize(arguments.get(macro.parameterIndex(body.get(i + 2).text())), at, false));
                    i += 2;
                } else {
                    int parameter = macro.parameterIndex(next.text());
                    right = parameter >= 0 ? arguments.get(parameter) : List.of(next.expandedAt(at));
                    i++;
                }
                Token left = out.remove(out.size() - 1);
                if (right.isEmpty()) {
                    out.add(left);
                } else if (left.kind() == TokenKind.PLACEMARKER) {
                    out.addAll(copy(right, left));
                } else {
                    out.add(paste(left, right.get(0), at));
                    out.addAll(right.subList(1, right.size()));
                }
            } else if (t.kind() == TokenKind.IDENTIFIER && macro.parameterIndex(t.text()) >= 0) {
                List<Token> argument = arguments.get(macro.parameterIndex(t.text()));
                if (next != null && next.is("##")) {
                    out.addAll(argument.isEmpty() ? List.of(Token.of(TokenKind.PLACEMARKER, "", at))
                            : copy(argument, t));
                } else {
                    out.addAll(copy(expandAll(argument, at), t));
                }
            } else {
                out.add(t.expandedAt(at));
            }
        }
        out.removeIf(t -> t.kind() == TokenKind.PLACEMARKER);
        return out;
    }

    /** An argument's tokens where a parameter stood, spaced like the parameter. */
    private static List<Token> copy(List<Token> tokens, Token parameter) {
        List<Token> out = new ArrayList<>(tokens);
        if (!out.isEmpty()) {
            out.set(0, out.get(0).withSpaceBefore(parameter.spaceBefore()));
        }
        return out;
    }

    private static Token paste(Token left, Token right, Position at) throws CompileException {
        Token pasted = Lexer.single(left.text() + right.text(), at);
        if (pasted == null) {
            throw CompileException.at(at, "pasting \"" + left.text() + "\" and \"" + right.text()
                    + "\" does not give a valid preprocessing token");
        }
        return pasted.withSpaceBefore(left.spaceBefore());
    }

    private static Token stringize(List<Token> argument, Position at, boolean spaceBefore) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < argument.size(); i++) {
            Token t = argument.get(i);
            if (i > 0 && t.spaceBefore()) {
                text.append(' ');
            }
            boolean literal = t.kind() == TokenKind.STRING || t.kind() == TokenKind.CHARACTER;
            text.append(literal ? escape(t.text()) : t.text());
        }
        return Token.of(TokenKind.STRING, "\"" + text + "\"", at).withSpaceBefore(spaceBefore);
    }

    private static String quote(String text) {
        return "\"" + escape(text) + "\"";
    }

    /** Text as it must be spelt inside a string literal. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
