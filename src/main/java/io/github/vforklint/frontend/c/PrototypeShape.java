package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.IGCCToken;
import org.eclipse.cdt.core.parser.IToken;

/**
 * Tells, token by token, whether a file-scope declaration is a plain function prototype, and its
 * name: specifiers (keywords, attributes, and one type: a type name, a struct, union or enum tag,
 * or the keywords of a basic type), the name, a parenthesised parameter list, attributes or an
 * asm label, then ';'. Anything else (a typedef, a struct's definition, a variable, several
 * declarators, a declarator in parentheses, a word where none belongs, which may be a macro the
 * parser does not know) is not one, so only declarations CDT reads as one function's prototype
 * are ever left unread ({@link UnfrozenCParser}).
 */
final class PrototypeShape {

    enum Verdict { MORE, PROTOTYPE, OTHER }

    private enum Part { SPECIFIERS, PARAMETERS, AFTER_PARAMETERS }

    private Part part = Part.SPECIFIERS;
    /** Open parentheses and brackets of the parameter list or of an attribute's arguments. */
    private int depth;
    /** The part an attribute's or asm label's parentheses return to when they close. */
    private Part groupOf;
    private boolean groupOpens;
    private final TypeAndName specifiers = new TypeAndName();
    /** The parameter being read; a new one after each comma or parenthesis. */
    private TypeAndName parameter = new TypeAndName();
    private IToken previous;
    private IToken name;

    /** The prototype's name, once {@link #next} said {@link Verdict#PROTOTYPE}. */
    IToken name() {
        return name;
    }

    /** Takes the declaration's next token. */
    Verdict next(IToken token) {
        Verdict verdict = take(token);
        previous = token;
        return verdict;
    }

    private Verdict take(IToken token) {
        int type = token.getType();
        if (ends(type)) {
            return Verdict.OTHER;
        }
        if (groupOpens) {
            groupOpens = false;
            if (type != IToken.tLPAREN) {
                return Verdict.OTHER;
            }
            depth = 1;
            return Verdict.MORE;
        }
        if (depth > 0) {
            return inParentheses(type);
        }
        return part == Part.SPECIFIERS ? specifier(type) : afterParameters(type);
    }

    private Verdict inParentheses(int type) {
        if (groupOf == null && looksLikeAMacro(type)) {
            return Verdict.OTHER;
        }
        switch (type) {
            case IToken.tLPAREN, IToken.tLBRACKET -> depth++;
            case IToken.tRPAREN, IToken.tRBRACKET -> depth--;
            case IToken.tLBRACE, IToken.tRBRACE, IToken.tSEMI -> {
                return Verdict.OTHER;
            }
            default -> { }
        }
        if (depth == 0) {
            part = groupOf != null ? groupOf : Part.AFTER_PARAMETERS;
            groupOf = null;
        }
        return Verdict.MORE;
    }

    /**
     * Whether a parameter list holds a word CDT would not read as a type or a name: one called
     * like a function ({@code IF_DESKTOP(long long) int width}), or one more than a parameter
     * has room for ({@code int fd UNUSED_PARAM}: a basic type leaves room for the name alone, a
     * type name or a tag for one more). Such a prototype may not parse, and what does not parse
     * in a header feeds the macro recovery's guesses ({@link MacroRecovery}), so it is read where
     * it stands; a pointer to function of a named type, {@code size_t (*f)(void)}, is too.
     */
    private boolean looksLikeAMacro(int type) {
        if (type == IToken.tLPAREN && previous.getType() == IToken.tIDENTIFIER) {
            return true;
        }
        switch (type) {
            case IToken.tLPAREN, IToken.tRPAREN, IToken.tLBRACKET, IToken.tRBRACKET, IToken.tCOMMA -> {
                parameter = new TypeAndName();
                return false;
            }
            default -> {
                return !parameter.take(type);
            }
        }
    }

    private Verdict specifier(int type) {
        if (type == IToken.tLPAREN) {
            if (previous == null || previous.getType() != IToken.tIDENTIFIER || specifiers.lastWasTag()) {
                return Verdict.OTHER; // a declarator in parentheses, or a cast-like macro use
            }
            name = previous;
            depth = 1;
            part = Part.PARAMETERS;
            return Verdict.MORE;
        }
        if (isAttribute(type)) {
            return group(Part.SPECIFIERS);
        }
        if (!specifiers.take(type)) {
            return Verdict.OTHER;
        }
        return type == IToken.tIDENTIFIER || isTypeKeyword(type) || isQualifierOrStorage(type) || type == IToken.tSTAR
                ? Verdict.MORE : Verdict.OTHER;
    }

    private Verdict afterParameters(int type) {
        if (type == IToken.tSEMI) {
            return Verdict.PROTOTYPE;
        }
        if (isAttribute(type) || type == IToken.t_asm) {
            return group(Part.AFTER_PARAMETERS);
        }
        return Verdict.OTHER;
    }

    private Verdict group(Part returnTo) {
        groupOf = returnTo;
        groupOpens = true;
        return Verdict.MORE;
    }

    /**
     * The words of one declaration's specifiers and its name, the function's or a parameter's:
     * one type (a type name, a struct, union or enum tag, or the keywords of a basic type) and
     * one name. A word more is a macro the parser does not know ({@code int FAST_FUNC f(void)},
     * {@code int fd UNUSED_PARAM}).
     */
    private static final class TypeAndName {
        /** Identifiers taken, a tag excepted. */
        private int words;
        private boolean keywordType;
        private boolean tagNext;
        private boolean lastWasTag;

        /** Takes the next token; false when the words no longer fit one type and one name. */
        boolean take(int type) {
            boolean tag = tagNext;
            tagNext = false;
            lastWasTag = tag && type == IToken.tIDENTIFIER;
            if (type == IToken.tIDENTIFIER && !tag) {
                words++;
            } else if (type == IToken.t_struct || type == IToken.t_union || type == IToken.t_enum) {
                tagNext = true;
                keywordType = true;
            } else if (isBuiltinType(type)) {
                keywordType = true;
            }
            return words <= (keywordType ? 1 : 2);
        }

        /** Whether the word just taken was a tag, which names a type, not the function. */
        boolean lastWasTag() {
            return lastWasTag;
        }
    }

    /** Tokens no declaration this class accepts holds: the parser's own markers among them. */
    private static boolean ends(int type) {
        return switch (type) {
            case IToken.tEOC, IToken.tCOMPLETION, IToken.tEND_OF_INPUT, IToken.tINACTIVE_CODE_START,
                 IToken.tINACTIVE_CODE_SEPARATOR, IToken.tINACTIVE_CODE_END -> true;
            default -> false;
        };
    }

    private static boolean isAttribute(int type) {
        return type == IGCCToken.t__attribute__ || type == IGCCToken.t__declspec;
    }

    private static boolean isTypeKeyword(int type) {
        return isBuiltinType(type) || type == IToken.t_struct || type == IToken.t_union || type == IToken.t_enum;
    }

    private static boolean isBuiltinType(int type) {
        return switch (type) {
            case IToken.t_void, IToken.t_char, IToken.t_short, IToken.t_int, IToken.t_long, IToken.t_float,
                 IToken.t_double, IToken.t_signed, IToken.t_unsigned, IToken.t__Bool, IToken.t__Complex,
                 IGCCToken.t__int128, IGCCToken.t__float128 -> true;
            default -> false;
        };
    }

    private static boolean isQualifierOrStorage(int type) {
        return switch (type) {
            case IToken.t_const, IToken.t_volatile, IToken.t_restrict, IToken.t_extern, IToken.t_static,
                 IToken.t_inline -> true;
            default -> false;
        };
    }
}
