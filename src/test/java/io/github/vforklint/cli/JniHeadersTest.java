package io.github.vforklint.cli;

import io.github.vforklint.PluginFixtures;
import io.github.vforklint.api.BuildOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JNI code on the command line with no -I: the running JDK's jni.h and jni_md.h are read (a note
 * says which JDK), so the file parses and nothing is "not fully analysed"; an include directory
 * with a jni.h of its own replaces them, and C without JNI is left alone.
 */
class JniHeadersTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path tree;

    @BeforeEach
    void aJdkWithHeaders() {
        assumeTrue(Files.isRegularFile(JAVA_HOME.resolve("include/jni.h")), "this JVM is a JRE: no include/jni.h");
    }

    @Test
    void jniCodeParsesWithTheRunningJdksHeadersAndANoteSaysSo() throws Exception {
        Files.writeString(tree.resolve("spawn.c"), PluginFixtures.JNI);
        CliTest.Run r = run("check", "--no-config", "--color", "never", tree.toString());
        assertEquals(1, r.code(), "the finding, and no file left not fully analysed (3 would win only without findings): "
                + r.err());
        assertTrue(r.out().contains("spawn.c:8:9: error: printf() in the vfork child"), r.out());
        assertFalse(r.err().contains("not fully analysed"), r.err());
        assertFalse(r.out().contains("could not parse"), r.out());
        assertTrue(r.out().contains("spawn.c: note: <jni.h> and <jni_md.h> are read from the JDK running vforklint (Java "
                + System.getProperty("java.version") + ", " + JAVA_HOME + ")"), r.out());

        // the JDK's folders named, as the build plugins name them: the same result, and no note
        assertEquals(2, BuildOptions.jdkIncludeDirs(JAVA_HOME).size(), "include/ and its platform folder");
        CliTest.Run named = run("check", "--no-config", "--color", "never",
                "-I", BuildOptions.jdkIncludeDirs(JAVA_HOME).get(0).toString(),
                "-I", BuildOptions.jdkIncludeDirs(JAVA_HOME).get(1).toString(), tree.toString());
        assertEquals(1, named.code(), named.err());
        assertFalse(named.out().contains("read from the JDK running vforklint"), named.out());
        assertEquals(r.out().lines().filter(l -> l.contains("error:")).toList(),
                named.out().lines().filter(l -> l.contains("error:")).toList());
    }

    @Test
    void anIncludeDirectoryWithItsOwnJniHeaderReplacesTheJdks() throws Exception {
        Files.writeString(tree.resolve("spawn.c"), PluginFixtures.JNI);
        Path own = Files.createDirectories(tree.resolve("sdk/include"));
        // an SDK's own jni.h, which defines what the code needs in its own way
        Files.writeString(own.resolve("jni.h"), """
                #define JNIEXPORT
                #define JNICALL
                typedef int jint; typedef void *jclass; typedef void *jstring;
                typedef const struct JNINativeInterface *JNIEnv;
                struct JNINativeInterface {
                    const char *(*GetStringUTFChars)(JNIEnv *, jstring, void *);
                    void (*ReleaseStringUTFChars)(JNIEnv *, jstring, const char *);
                };
                """);
        CliTest.Run r = run("check", "--no-config", "--color", "never", "-I", own.toString(),
                tree.resolve("spawn.c").toString());
        assertEquals(1, r.code(), r.err());
        assertFalse(r.out().contains("read from the JDK running vforklint"), r.out());
        assertFalse(r.err().contains("not fully analysed"), r.err());
    }

    @Test
    void cWithoutJniGetsNoJdkHeadersEvenWhenItSaysJni() throws Exception {
        Files.writeString(tree.resolve("spawn.c"), "/* not JNI, though it says jni */\n" + PluginFixtures.BAD);
        CliTest.Run r = run("check", "--no-config", "--color", "never", tree.toString());
        assertEquals(1, r.code(), r.err());
        assertFalse(r.out().contains("read from the JDK running vforklint"), r.out());
    }

    @Test
    void aQuotedJniHeaderBesideTheFileIsTheOneUsed() throws Exception {
        Files.writeString(tree.resolve("spawn.c"), PluginFixtures.JNI.replace("#include <jni.h>", "#include \"jni.h\""));
        Files.writeString(tree.resolve("jni.h"), "#define JNIEXPORT\n#define JNICALL\ntypedef int jint;\n");
        CliTest.Run r = run("check", "--no-config", "--color", "never", tree.toString());
        assertFalse(r.out().contains("read from the JDK running vforklint"), r.out());

        Files.delete(tree.resolve("jni.h"));
        r = run("check", "--no-config", "--color", "never", tree.toString());
        assertTrue(r.out().contains("read from the JDK running vforklint"), "quotes fall back to the search path: " + r.out());
        assertFalse(r.err().contains("not fully analysed"), r.err());
    }
}
