package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JNI headers of a JDK ({@code include/jni.h} and the platform folder with {@code jni_md.h}),
 * for JNI code whose build names none: without them {@code JNIEXPORT} and {@code JNICALL} are
 * unknown macros and the functions around them parse badly. They are read, never run, and only
 * when a scanned C file includes {@code <jni.h>}.
 */
public final class JdkHeaders {

    private static final Pattern INCLUDES_JNI = Pattern.compile("^[ \\t]*#[ \\t]*include[ \\t]*(<|\")jni\\.h[>\"]",
            Pattern.MULTILINE);

    /**
     * What a scan adds: the folders, put after every other include directory, and the first file
     * that needed them, where the note saying so is attached.
     */
    record Fallback(List<Path> dirs, Path firstUser, String note) {
    }

    private JdkHeaders() {
    }

    /** The header folders of the JDK at {@code javaHome}; empty for a JRE, which has none. */
    public static List<Path> of(Path javaHome) {
        Path include = javaHome.resolve("include");
        if (!Files.isRegularFile(include.resolve("jni.h"))) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>(List.of(include));
        try (var children = Files.list(include)) {
            children.filter(d -> Files.isRegularFile(d.resolve("jni_md.h"))).sorted().forEach(dirs::add);
        } catch (IOException e) {
            // jni.h alone still declares most of JNI
        }
        return List.copyOf(dirs);
    }

    /**
     * The running JDK's headers, when one of {@code mentioningJni} (in the tree's order) includes
     * {@code <jni.h>}, no configured include directory holds a {@code jni.h}, and the JDK has them.
     *
     * @param texts where the files are read: the parser's, which keeps a file it is about to parse
     */
    static Optional<Fallback> forScan(List<SourceFile> mentioningJni, SourceFiles texts, List<Path> configured,
                                      Path javaHome, String javaVersion) {
        if (configured.stream().anyMatch(d -> Files.isRegularFile(d.resolve("jni.h")))) {
            return Optional.empty();
        }
        Optional<Path> user = mentioningJni.stream().map(SourceFile::path).filter(f -> includesJni(f, texts)).findFirst();
        List<Path> dirs = user.isEmpty() ? List.of() : of(javaHome);
        if (dirs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fallback(dirs, user.get(), "<jni.h> and <jni_md.h> are read from the JDK running vforklint"
                + " (Java " + javaVersion + ", " + javaHome + "), as no include directory holds a jni.h; -I names"
                + " the headers of the JDK this code is built with"));
    }

    /** {@code #include <jni.h>}, or {@code "jni.h"} with no jni.h beside the file (which the quotes would find first). */
    private static boolean includesJni(Path file, SourceFiles texts) {
        java.util.regex.Matcher m;
        try {
            m = INCLUDES_JNI.matcher(java.nio.CharBuffer.wrap(texts.get(file.toString()).chars()));
        } catch (RuntimeException e) {
            // The file's own analysis reports what is wrong with it.
            return false;
        }
        while (m.find()) {
            if (m.group(1).equals("<") || !Files.isRegularFile(file.resolveSibling("jni.h"))) {
                return true;
            }
        }
        return false;
    }
}
