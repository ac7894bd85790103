package io.github.vforklint.frontend.c;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A preprocessor condition ({@code #if}, {@code #elif}, or a C condition spelled with macros such
 * as {@code BB_MMU ? xfork() : xvfork()}), parsed into a small tree that can be evaluated under
 * any assignment of macros. What cannot be evaluated ({@code __has_include(...)}, a function-like
 * macro, a cast) is {@link Opaque}: its value is unknown, and a configuration that depends on it
 * cannot be promised.
 */
sealed interface Condition {

    /** The macros an evaluation needs, looked up by name. */
    interface Macros {
        /** The replacement text of a defined macro, or null when it is undefined. */
        String valueOf(String name);

        /** The parameter names of a function-like macro: in its replacement they are no macros. */
        default Set<String> parametersOf(String name) {
            return Set.of();
        }
    }

    /** Evaluates to a number, or null when unknown. */
    Long evaluate(Macros macros, int depth);

    /** Every macro named, in {@code defined X} or as a value. */
    void names(Set<String> into, boolean underDefined, Set<String> definedOnly);

    record Number(long value) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            return value;
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
        }
    }

    record Defined(String name) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            return macros.valueOf(name) != null ? 1L : 0L;
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
            into.add(name);
            definedOnly.add(name);
        }
    }

    record Name(String name) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            String value = macros.valueOf(name);
            if (value == null) {
                return 0L;
            }
            if (depth > 32) {
                return null;
            }
            Condition parsed = parse(value);
            return parsed == null ? null : parsed.evaluate(macros, depth + 1);
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
            into.add(name);
        }
    }

    /** Something whose value vforklint cannot know. */
    record Opaque(String text) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            return null;
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
        }
    }

    record Unary(String op, Condition operand) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            Long v = operand.evaluate(macros, depth);
            if (v == null) {
                return null;
            }
            return switch (op) {
                case "!" -> v == 0 ? 1L : 0L;
                case "~" -> ~v;
                case "-" -> -v;
                default -> v;
            };
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
            operand.names(into, underDefined, definedOnly);
        }
    }

    record Binary(String op, Condition left, Condition right) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            Long l = left.evaluate(macros, depth);
            if (op.equals("&&")) {
                if (l != null && l == 0) {
                    return 0L;
                }
                Long r = right.evaluate(macros, depth);
                if (r != null && r == 0) {
                    return 0L;
                }
                return l == null || r == null ? null : 1L;
            }
            if (op.equals("||")) {
                if (l != null && l != 0) {
                    return 1L;
                }
                Long r = right.evaluate(macros, depth);
                if (r != null && r != 0) {
                    return 1L;
                }
                return l == null || r == null ? null : 0L;
            }
            Long r = right.evaluate(macros, depth);
            if (l == null || r == null) {
                return null;
            }
            return switch (op) {
                case "*" -> l * r;
                case "/" -> r == 0 ? null : l / r;
                case "%" -> r == 0 ? null : l % r;
                case "+" -> l + r;
                case "-" -> l - r;
                case "<<" -> l << (r & 63);
                case ">>" -> l >> (r & 63);
                case "<" -> l < r ? 1L : 0L;
                case ">" -> l > r ? 1L : 0L;
                case "<=" -> l <= r ? 1L : 0L;
                case ">=" -> l >= r ? 1L : 0L;
                case "==" -> l.equals(r) ? 1L : 0L;
                case "!=" -> l.equals(r) ? 0L : 1L;
                case "&" -> l & r;
                case "^" -> l ^ r;
                case "|" -> l | r;
                default -> null;
            };
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
            left.names(into, underDefined, definedOnly);
            right.names(into, underDefined, definedOnly);
        }
    }

    record Choice(Condition test, Condition then, Condition otherwise) implements Condition {
        public Long evaluate(Macros macros, int depth) {
            Long t = test.evaluate(macros, depth);
            return t == null ? null : t != 0 ? then.evaluate(macros, depth) : otherwise.evaluate(macros, depth);
        }

        public void names(Set<String> into, boolean underDefined, Set<String> definedOnly) {
            test.names(into, underDefined, definedOnly);
            then.names(into, underDefined, definedOnly);
            otherwise.names(into, underDefined, definedOnly);
        }
    }

    /** Whether the condition holds: null when unknown. */
    default Boolean holds(Macros macros) {
        Long v = evaluate(macros, 0);
        return v == null ? null : v != 0;
    }

    /** The macros it names; {@code definedOnly} gets those only ever asked whether they are defined. */
    default Set<String> macroNames(Set<String> definedOnly) {
        Set<String> all = new TreeSet<>();
        Set<String> underDefined = new TreeSet<>();
        names(all, false, underDefined);
        Set<String> asValues = new TreeSet<>();
        collectValueNames(this, asValues);
        for (String n : underDefined) {
            if (!asValues.contains(n)) {
                definedOnly.add(n);
            }
        }
        return all;
    }

    private static void collectValueNames(Condition c, Set<String> into) {
        if (c instanceof Name n) {
            into.add(n.name());
        } else if (c instanceof Unary u) {
            collectValueNames(u.operand(), into);
        } else if (c instanceof Binary b) {
            collectValueNames(b.left(), into);
            collectValueNames(b.right(), into);
        } else if (c instanceof Choice ch) {
            collectValueNames(ch.test(), into);
            collectValueNames(ch.then(), into);
            collectValueNames(ch.otherwise(), into);
        }
    }

    /** The numbers a macro is compared with, so a solver can try them. */
    default Set<Long> constants() {
        Set<Long> result = new TreeSet<>();
        collectConstants(this, result);
        return result;
    }

    private static void collectConstants(Condition c, Set<Long> into) {
        if (c instanceof Number n) {
            into.add(n.value());
        } else if (c instanceof Unary u) {
            collectConstants(u.operand(), into);
        } else if (c instanceof Binary b) {
            collectConstants(b.left(), into);
            collectConstants(b.right(), into);
        } else if (c instanceof Choice ch) {
            collectConstants(ch.test(), into);
            collectConstants(ch.then(), into);
            collectConstants(ch.otherwise(), into);
        }
    }

    /** Parses a condition; null for an empty one (a bare {@code #if}). Never throws. */
    static Condition parse(String text) {
        char[] chars = text.toCharArray();
        List<CTokens.Token> tokens = CTokens.of(chars, 0, chars.length, false);
        if (tokens.isEmpty()) {
            return null;
        }
        Parser p = new Parser(tokens, text);
        try {
            Condition c = p.conditional(0);
            return p.at < tokens.size() ? new Opaque(text.trim()) : c;
        } catch (RuntimeException e) {
            return new Opaque(text.trim());
        }
    }

    /** Recursive descent over the tokens; multi-character operators are adjacent single characters. */
    final class Parser {
        private static final int MAX_DEPTH = 200;
        private static final List<List<String>> LEVELS = List.of(
                List.of("||"), List.of("&&"), List.of("|"), List.of("^"), List.of("&"),
                List.of("==", "!="), List.of("<=", ">=", "<", ">"), List.of("<<", ">>"),
                List.of("+", "-"), List.of("*", "/", "%"));

        private final List<CTokens.Token> tokens;
        private final String text;
        private int at;

        Parser(List<CTokens.Token> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        Condition conditional(int depth) {
            guard(depth);
            Condition test = binary(0, depth + 1);
            if (accept("?")) {
                Condition then = conditional(depth + 1);
                expect(":");
                Condition otherwise = conditional(depth + 1);
                return new Choice(test, then, otherwise);
            }
            return test;
        }

        private Condition binary(int level, int depth) {
            guard(depth);
            if (level == LEVELS.size()) {
                return unary(depth + 1);
            }
            Condition left = binary(level + 1, depth + 1);
            while (true) {
                String op = operator(LEVELS.get(level));
                if (op == null) {
                    return left;
                }
                left = new Binary(op, left, binary(level + 1, depth + 1));
            }
        }

        private Condition unary(int depth) {
            guard(depth);
            for (String op : List.of("!", "~", "-", "+")) {
                if (peekOperator(op) && !peekOperator("!=")) {
                    at++;
                    return new Unary(op, unary(depth + 1));
                }
            }
            return primary(depth + 1);
        }

        private Condition primary(int depth) {
            CTokens.Token t = next();
            if (t.is("(")) {
                Condition inner = conditional(depth + 1);
                expect(")");
                return inner;
            }
            if (t.type() == CTokens.Type.NUMBER) {
                return number(t.text());
            }
            if (t.type() == CTokens.Type.STRING && t.text().startsWith("'")) {
                return character(t.text());
            }
            if (t.isIdentifier()) {
                if (t.is("defined")) {
                    boolean parenthesised = accept("(");
                    CTokens.Token name = next();
                    if (!name.isIdentifier()) {
                        throw new IllegalArgumentException("defined without a name");
                    }
                    if (parenthesised) {
                        expect(")");
                    }
                    return new Defined(name.text());
                }
                if (at < tokens.size() && tokens.get(at).is("(")) {
                    int close = CTokens.matching(tokens, at);
                    if (close < 0) {
                        throw new IllegalArgumentException("unbalanced");
                    }
                    int from = t.start();
                    int to = tokens.get(close).end();
                    at = close + 1;
                    return new Opaque(text.substring(from, to));
                }
                return new Name(t.text());
            }
            throw new IllegalArgumentException("unexpected " + t.text());
        }

        private static Condition number(String spelled) {
            Long value = ConstantFolding.parseInteger(spelled);
            return value == null ? new Opaque(spelled) : new Number(value);
        }

        private static Condition character(String spelled) {
            String body = spelled.substring(1, Math.max(1, spelled.length() - 1));
            if (body.length() == 1) {
                return new Number(body.charAt(0));
            }
            return new Opaque(spelled);
        }

        private String operator(List<String> ops) {
            for (String op : ops) {
                if (peekOperator(op) && !longerOperatorAt(op)) {
                    at += op.length();
                    return op;
                }
            }
            return null;
        }

        /** {@code <} must not be taken from {@code <<} or {@code <=}, {@code &} from {@code &&}. */
        private boolean longerOperatorAt(String op) {
            for (String longer : List.of("||", "&&", "==", "!=", "<=", ">=", "<<", ">>")) {
                if (longer.length() > op.length() && longer.startsWith(op) && peekOperator(longer)) {
                    return true;
                }
            }
            return false;
        }

        private boolean peekOperator(String op) {
            if (at + op.length() > tokens.size()) {
                return false;
            }
            for (int k = 0; k < op.length(); k++) {
                CTokens.Token t = tokens.get(at + k);
                if (t.type() != CTokens.Type.PUNCT || t.text().charAt(0) != op.charAt(k)
                        || k > 0 && tokens.get(at + k - 1).end() != t.start()) {
                    return false;
                }
            }
            return true;
        }

        private boolean accept(String punct) {
            if (at < tokens.size() && tokens.get(at).is(punct)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String punct) {
            if (!accept(punct)) {
                throw new IllegalArgumentException("expected " + punct);
            }
        }

        private CTokens.Token next() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return tokens.get(at++);
        }

        private static void guard(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested too deeply");
            }
        }
    }
}
