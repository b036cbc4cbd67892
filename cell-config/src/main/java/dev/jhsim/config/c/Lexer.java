package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a source file into preprocessing tokens (C11 5.1.1.2 phases 1-3):
 * joins lines ending in a backslash, replaces comments by a space, and records
 * for each token whether space or a line start precedes it.
 */
final class Lexer {
    private static final String[] PUNCTUATORS = {"...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=",
        "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"};
    private static final String SINGLE_PUNCTUATORS = "[](){}.&*+-~!/%<>^|?:;=,#";

    private final SourceText source;
    /** The text with line splices removed ... */
    private final char[] chars;
    /** ... and for each of its characters the offset in the file (one more entry for the end). */
    private final int[] fileOffsets;
    private final int length;
    private int pos;

    private Lexer(SourceText source) {
        this.source = source;
        String text = source.text();
        chars = new char[text.length()];
        fileOffsets = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                continue;
            }
            if (c == '\\' && i + 2 < text.length() && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
                i += 2;
                continue;
            }
            chars[n] = c;
            fileOffsets[n++] = i;
        }
        fileOffsets[n] = text.length();
        length = n;
    }

    /** The tokens of a whole file, ending with an end token. */
    static List<Token> tokenize(SourceText source) throws CompileException {
        return new Lexer(source).run();
    }

    /** Re-lexes a spelling made by {@code ##}: the token, or null when the text is not exactly one token. */
    static Token single(String text, Position at) {
        try {
            List<Token> tokens = tokenize(SourceText.of("<paste>", text));
            if (tokens.size() != 2 || tokens.get(0).spaceBefore() || tokens.get(0).text().length() != text.length()) {
                return null;
            }
            Token t = tokens.get(0);
            return Token.of(t.kind(), t.text(), at);
        } catch (CompileException e) {
            return null;
        }
    }

    private List<Token> run() throws CompileException {
        List<Token> tokens = new ArrayList<>();
        boolean lineStart = true;
        boolean space = false;
        while (pos < length) {
            char c = chars[pos];
            if (c == '\n') {
                lineStart = true;
                space = false;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0b || c == '\r') {
                space = true;
                pos++;
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
                space = true;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < length && chars[pos] != '\n') {
                    pos++;
                }
                space = true;
            } else {
                int start = pos;
                TokenKind kind = scan();
                String text = new String(chars, start, pos - start);
                tokens.add(new Token(kind, text, position(start, pos), space, lineStart, Set.of()));
                lineStart = false;
                space = false;
            }
        }
        tokens.add(new Token(TokenKind.END, "", position(length, length), space, true, Set.of()));
        return tokens;
    }

    private Position position(int start, int end) {
        int from = fileOffsets[start];
        int to = end > start ? fileOffsets[end - 1] + 1 : from;
        return new Position(source, from, to - from);
    }

    private char peek(int ahead) {
        return pos + ahead < length ? chars[pos + ahead] : 0;
    }

    private void skipBlockComment() throws CompileException {
        int start = pos;
        pos += 2;
        while (pos + 1 < length && !(chars[pos] == '*' && chars[pos + 1] == '/')) {
            pos++;
        }
        if (pos + 1 >= length) {
            throw CompileException.at(position(start, start + 2), "unterminated comment");
        }
        pos += 2;
    }

    private TokenKind scan() {
        char c = chars[pos];
        if (isDigit(c) || c == '.' && isDigit(peek(1))) {
            scanNumber();
            return TokenKind.NUMBER;
        }
        int prefix = literalPrefix();
        if (prefix >= 0) {
            pos += prefix;
            return scanQuoted(chars[pos]);
        }
        if (isIdentifierStart(c)) {
            while (pos < length && isIdentifierPart(chars[pos])) {
                pos++;
            }
            return TokenKind.IDENTIFIER;
        }
        for (String p : PUNCTUATORS) {
            if (lookingAt(p)) {
                pos += p.length();
                return TokenKind.PUNCTUATOR;
            }
        }
        pos++;
        return SINGLE_PUNCTUATORS.indexOf(c) >= 0 ? TokenKind.PUNCTUATOR : TokenKind.OTHER;
    }

    /** Length of an encoding prefix (none, L, u, U, u8) before a quote here, or -1 if no literal starts here. */
    private int literalPrefix() {
        for (String p : new String[] {"", "L", "U", "u8", "u"}) {
            int n = p.length();
            if (lookingAt(p) && pos + n < length && (chars[pos + n] == '"' || chars[pos + n] == '\'')) {
                return n;
            }
        }
        return -1;
    }

    private boolean lookingAt(String text) {
        if (pos + text.length() > length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (chars[pos + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private TokenKind scanQuoted(char quote) {
        pos++;
        while (pos < length && chars[pos] != quote && chars[pos] != '\n') {
            pos += chars[pos] == '\\' && pos + 1 < length && chars[pos + 1] != '\n' ? 2 : 1;
        }
        if (pos >= length || chars[pos] != quote) {
            return TokenKind.UNTERMINATED;
        }
        pos++;
        return quote == '"' ? TokenKind.STRING : TokenKind.CHARACTER;
    }

    private void scanNumber() {
        pos++;
        while (pos < length) {
            char c = chars[pos];
            if ((c == '+' || c == '-') && "eEpP".indexOf(chars[pos - 1]) >= 0) {
                pos++;
            } else if (isIdentifierPart(c) || c == '.') {
                pos++;
            } else {
                break;
            }
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
