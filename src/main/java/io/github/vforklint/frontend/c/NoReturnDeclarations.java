package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IFunction;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a function is declared not to return. CDT's {@link IFunction#isNoReturn()} only sees an
 * attribute written after the declarator; glibc, busybox and C11's {@code _Noreturn} put it in
 * front, on the declaration specifiers, so every declaration of the function is looked at.
 */
final class NoReturnDeclarations {

    private static final Set<String> NAMES = Set.of("noreturn", "__noreturn__", "_Noreturn");

    /** Project spellings of the attribute (ATTRIBUTE_NORETURN, NORETURN, __dead): catalogue data, noreturn.yml. */
    static final Set<String> MACROS = io.github.vforklint.knowledge.FunctionKnowledge.noReturnMacroNames();
    static final TextFacts.WordSet MACRO_WORDS = new TextFacts.WordSet(MACROS);

    private final IASTTranslationUnit unit;
    private final TextFacts facts;
    private final Map<IFunction, Boolean> cache = new HashMap<>();
    /** The noreturn spellings this unit never defines, and the same as a word set for a search of a text. */
    private record Undefined(Set<String> names, TextFacts.WordSet words) {
    }

    private Undefined undefined;
    private Set<String> unparsedNoReturn;

    NoReturnDeclarations(IASTTranslationUnit unit, TextFacts facts) {
        this.unit = unit;
        this.facts = facts;
    }

    /**
     * Functions declared with a noreturn macro the parser could not read (its header is missing).
     * The parser then splits the declaration around the unknown word: {@code void die(const char
     * *) ATTRIBUTE_NORETURN;} becomes the declaration of die and a stray {@code ATTRIBUTE_NORETURN;}
     * after it, {@code NORETURN void fatal(void);} a stray {@code NORETURN} before it. A stray part
     * that ends with ';' closes the declaration before it; one that does not opens the next.
     */
    private Set<String> unparsedNoReturn() {
        if (unparsedNoReturn == null) {
            Set<String> names = new java.util.HashSet<>();
            org.eclipse.cdt.core.dom.ast.IASTDeclaration[] all = unit.getDeclarations();
            Set<String> unknown = undefinedMacros();
            if (unknown.isEmpty()) {
                unparsedNoReturn = names;
                return names;
            }
            MacroMentions mentions = new MacroMentions(all, unknown);
            for (int i = 0; i < all.length; i++) {
                if (functionDeclarator(all[i]) == null || !mentions.anyIn(i - 1, i + 3)) {
                    // Neither the declaration nor a part split off beside it names one: most
                    // declarations of most headers, told from the file's text without their own.
                    continue;
                }
                String own = all[i].getRawSignature().strip();
                boolean marked = namesUndefinedMacro(own);
                if (!marked && i > 0 && isStray(all[i - 1])) {
                    String before = all[i - 1].getRawSignature().strip();
                    marked = !before.endsWith(";") && namesUndefinedMacro(before);
                }
                for (int j = i + 1; !marked && !own.endsWith(";") && j < all.length && j <= i + 3 && isStray(all[j]); j++) {
                    String after = all[j].getRawSignature().strip();
                    marked = namesUndefinedMacro(after);
                    if (after.endsWith(";")) {
                        break;
                    }
                }
                if (marked) {
                    names.add(functionDeclared(all[i]));
                }
            }
            unparsedNoReturn = names;
        }
        return unparsedNoReturn;
    }

    /**
     * Whether declarations may name a noreturn macro this unit never defines: their file's text
     * there does. The parser's text is the file's, with offsets kept and only blanks or words of
     * the same place put in, so a word it has there the file has too. Each declaration is looked
     * up once, though up to five neighbours ask about it: a header declares thousands.
     */
    private final class MacroMentions {
        private static final byte UNKNOWN = 0;
        private static final byte NO = 1;
        private static final byte YES = 2;

        private final org.eclipse.cdt.core.dom.ast.IASTDeclaration[] all;
        private final Set<String> undefined;
        private final byte[] known;
        private String lastFile;
        private TextFacts.Occurrences lastSpellings;

        MacroMentions(org.eclipse.cdt.core.dom.ast.IASTDeclaration[] all, Set<String> undefined) {
            this.all = all;
            this.undefined = undefined;
            this.known = new byte[all.length];
        }

        /** Whether any of {@code all[from..to]} may name one. */
        boolean anyIn(int from, int to) {
            for (int k = Math.max(0, from); k <= to && k < all.length; k++) {
                if (known[k] == UNKNOWN) {
                    known[k] = mayName(all[k]) ? YES : NO;
                }
                if (known[k] == YES) {
                    return true;
                }
            }
            return false;
        }

        private boolean mayName(org.eclipse.cdt.core.dom.ast.IASTDeclaration declaration) {
            org.eclipse.cdt.core.dom.ast.IASTFileLocation at = declaration.getFileLocation();
            if (at == null) {
                return true;
            }
            // a header's declarations come one after another: its spellings are asked for once per run of them
            String file = at.getFileName();
            if (!file.equals(lastFile)) {
                try {
                    lastSpellings = facts.noReturnSpellings(file);
                } catch (java.io.UncheckedIOException e) {
                    return true;
                }
                lastFile = file;
            }
            return lastSpellings.anyIn(at.getNodeOffset(), at.getNodeOffset() + at.getNodeLength(), undefined);
        }
    }

    /** The function a declaration (not a definition) declares, or null. */
    private static String functionDeclared(org.eclipse.cdt.core.dom.ast.IASTDeclaration declaration) {
        org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator f = functionDeclarator(declaration);
        return f == null ? null : f.getName().toString();
    }

    /** The declarator of the one function a declaration (not a definition) declares, or null. */
    private static org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator functionDeclarator(
            org.eclipse.cdt.core.dom.ast.IASTDeclaration declaration) {
        if (declaration instanceof IASTSimpleDeclaration simple && simple.getDeclarators().length == 1
                && simple.getDeclarators()[0] instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator f) {
            return f;
        }
        return null;
    }

    /** A part the parser split off: a problem, or a "declaration" that is only unknown words. */
    private static boolean isStray(org.eclipse.cdt.core.dom.ast.IASTDeclaration declaration) {
        if (declaration instanceof org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration) {
            return true;
        }
        if (!(declaration instanceof IASTSimpleDeclaration simple) || functionDeclarator(simple) != null) {
            return false;
        }
        String text = declaration.getRawSignature().strip();
        String word = text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
        return Directives.isIdentifier(word);
    }

    /** For a called name whose declaration the parser could not read (no usable binding). */
    boolean isNoReturnName(String name) {
        return unparsedNoReturn().contains(name);
    }

    boolean isNoReturn(IFunction function) {
        return cache.computeIfAbsent(function, this::lookUp);
    }

    private boolean lookUp(IFunction function) {
        if (function.isNoReturn()) {
            return true;
        }
        for (IASTName name : DeclarationNames.of(function)) {
            if (declaredNoReturn(name) || spelledNoReturn(name)) {
                return true;
            }
        }
        return unparsedNoReturn().contains(function.getName());
    }

    /**
     * Whether the text names a noreturn macro that this translation unit never defines: a macro
     * that is defined (even to nothing, under -U __GNUC__) has already said what it means.
     */
    private boolean namesUndefinedMacro(String text) {
        return undefined().words().in(text.toCharArray()) != TextFacts.Occurrences.NONE;
    }

    /** The noreturn spellings this unit never defines: a defined one has already said what it means. */
    private Set<String> undefinedMacros() {
        return undefined().names();
    }

    private Undefined undefined() {
        if (undefined == null) {
            Set<String> names = new java.util.HashSet<>(MACROS);
            for (org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition m : unit.getMacroDefinitions()) {
                names.remove(m.getName().toString());
            }
            undefined = new Undefined(names, new TextFacts.WordSet(names));
        }
        return undefined;
    }

    /** A declaration that carries a noreturn macro's name, though the macro itself was never defined. */
    private boolean spelledNoReturn(IASTName name) {
        for (IASTNode node = name.getParent(); node != null; node = node.getParent()) {
            if (node instanceof IASTSimpleDeclaration || node instanceof IASTFunctionDefinition) {
                IASTNode specifiers = node instanceof IASTFunctionDefinition definition
                        ? definition.getDeclSpecifier() : ((IASTSimpleDeclaration) node).getDeclSpecifier();
                String text = node instanceof IASTFunctionDefinition definition
                        ? specifiers.getRawSignature() + " " + definition.getDeclarator().getRawSignature()
                        : node.getRawSignature();
                return namesUndefinedMacro(text);
            }
        }
        return false;
    }

    private static boolean declaredNoReturn(IASTName name) {
        for (IASTNode node = name.getParent(); node != null; node = node.getParent()) {
            if (node instanceof IASTAttributeOwner owner && hasNoReturn(owner)) {
                return true;
            }
            if (node instanceof IASTSimpleDeclaration declaration) {
                return hasNoReturn(declaration.getDeclSpecifier());
            }
            if (node instanceof IASTFunctionDefinition definition) {
                return hasNoReturn(definition.getDeclSpecifier());
            }
        }
        return false;
    }

    private static boolean hasNoReturn(IASTAttributeOwner owner) {
        for (IASTAttributeSpecifier specifier : owner.getAttributeSpecifiers()) {
            for (IASTAttribute attribute : specifier.getAttributes()) {
                if (NAMES.contains(String.valueOf(attribute.getName()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
