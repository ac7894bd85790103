package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;
import io.github.vforklint.finding.Location;
import io.github.vforklint.source.SourceText;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTMacroExpansionLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNodeLocation;

import java.util.function.Function;

/**
 * CDT gives offsets, not columns. For code produced by a macro, a node's file location is the
 * macro's use in the user's file, which is where a finding belongs; the macro's name is kept for
 * the message.
 */
final class LocationMapper {

    private final SourceFiles files;
    private final Function<String, String> displayPath;
    private final java.util.Set<String> guessedWrappers;

    /**
     * @param guessedWrappers functions taken to be vfork wrappers from their names: the parser reads
     *                        them as macros, but they are not macros of the user's code
     */
    LocationMapper(SourceFiles files, Function<String, String> displayPath, java.util.Set<String> guessedWrappers) {
        this.files = files;
        this.displayPath = displayPath;
        this.guessedWrappers = guessedWrappers;
    }

    String displayPath(String file) {
        return displayPath.apply(file);
    }

    Location of(IASTNode node) {
        IASTFileLocation fl = node.getFileLocation();
        if (fl == null) {
            return null;
        }
        Location location = span(fl.getFileName(), fl.getNodeOffset(), fl.getNodeLength());
        String macro = macroName(node);
        return macro == null ? location : location.withMacro(macro);
    }

    /**
     * Where a call is. A call produced by a macro is placed at the macro's use, like any node; when
     * the called name was written as one of the macro's arguments ({@code OSS(error, NILF, "%s",
     * strerror(errno))}), at that name, so two calls in one macro use are two places.
     */
    Location ofCall(org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call) {
        Location whole = of(call);
        if (whole == null || whole.macro() == null) {
            return whole;
        }
        org.eclipse.cdt.core.dom.ast.IASTExpression name = ExpressionLowering.stripParentheses(call.getFunctionNameExpression());
        if (name instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id) {
            org.eclipse.cdt.core.dom.ast.IASTImageLocation image = id.getName().getImageLocation();
            IASTFileLocation fl = call.getFileLocation();
            if (image != null && image.getLocationKind() == org.eclipse.cdt.core.dom.ast.IASTImageLocation.ARGUMENT_TO_MACRO_EXPANSION
                    && fl != null && image.getFileName().equals(fl.getFileName())) {
                Location at = span(image.getFileName(), image.getNodeOffset(), image.getNodeLength());
                return new Location(whole.path(), at.line(), at.column(), whole.endLine(), whole.endColumn(), whole.macro());
            }
        }
        return whole;
    }

    /** The position just before the last character of a node: the closing brace of a body. */
    Location lastCharacter(IASTNode node) {
        IASTFileLocation fl = node.getFileLocation();
        int end = fl.getNodeOffset() + Math.max(0, fl.getNodeLength() - 1);
        return span(fl.getFileName(), end, 1);
    }

    Location span(String file, int offset, int length) {
        SourceText text = files.get(file);
        int end = offset + length;
        return new Location(displayPath.apply(file), text.lineOf(offset), text.columnOf(offset),
                text.lineOf(end), text.columnOf(end), null);
    }

    private String macroName(IASTNode node) {
        IASTNodeLocation[] locations = node.getNodeLocations();
        if (locations.length > 0 && locations[0] instanceof IASTMacroExpansionLocation expansion) {
            String name = expansion.getExpansion().getMacroReference().toString();
            return guessedWrappers.contains(name) ? null : name;
        }
        return null;
    }
}
