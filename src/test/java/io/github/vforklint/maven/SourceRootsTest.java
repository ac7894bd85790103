package io.github.vforklint.maven;

import io.github.vforklint.report.SarifCategory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a module's check scans: the default folders that exist and the JVM front end's inputs, or what is named. */
class SourceRootsTest {

    @TempDir
    Path module;

    private CheckMojo mojo() {
        CheckMojo mojo = new CheckMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(module.resolve("pom.xml").toFile());
        return mojo;
    }

    @Test
    void theDefaultFoldersThatExistAndTheJvmInputsUnlessSwitchedOff() throws Exception {
        for (String dir : List.of("src/main/jni", "src/main/c", "src/main/java", ".mvn")) {
            Files.createDirectories(module.resolve(dir));
        }
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.writeString(module.resolve(".mvn/jvm.config"), "-Xmx1g\n");
        CheckMojo mojo = mojo();
        assertTrue(mojo.jvmSources, "on by default, as the parameter's default value says");
        assertEquals(List.of(module.resolve("src/main/c"), module.resolve("src/main/jni"), module.resolve("src/main/java"),
                module.resolve("pom.xml"), module.resolve(".mvn/jvm.config")), mojo.roots(module));

        mojo.jvmSources = false;
        assertEquals(List.of(module.resolve("src/main/c"), module.resolve("src/main/jni")), mojo.roots(module));
    }

    @Test
    void theBuildsOptionFilesBelongToTheTopProjectOnly() throws Exception {
        Path sub = Files.createDirectories(module.resolve("sub/src/main/java"));
        Files.createDirectories(module.resolve("sub/.mvn"));
        Files.writeString(module.resolve("sub/.mvn/maven.config"), "-T2\n");
        Files.writeString(module.resolve("sub/pom.xml"), "<project/>");
        CheckMojo mojo = mojo();
        Path subModule = sub.getParent().getParent().getParent();
        assertEquals(List.of(sub, subModule.resolve("pom.xml")), mojo.roots(subModule));
    }

    @Test
    void eachModulesSarifCategoryIsTheBuildsThenItsFolder() throws Exception {
        CheckMojo mojo = mojo();
        mojo.sarifCategory = "vforklint";
        assertEquals(new SarifCategory("vforklint"), mojo.moduleCategory(module));
        assertEquals(new SarifCategory("vforklint/native/jni"), mojo.moduleCategory(module.resolve("native/jni")));
        mojo.sarifCategory = "java/";
        assertEquals(new SarifCategory("java/my_module"), mojo.moduleCategory(module.resolve("my module")));
        mojo.sarifCategory = "";
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.moduleCategory(module));
        assertTrue(e.getMessage().startsWith("vforklint: sarifCategory: "), e.getMessage());
    }

    @Test
    void namedFoldersReplaceTheDefaultsAndMustExist() throws Exception {
        Files.createDirectories(module.resolve("native"));
        Files.createDirectories(module.resolve("src/main/c"));
        CheckMojo mojo = mojo();
        mojo.sourceDirectories = List.of(new File("native"));
        assertEquals(List.of(module.resolve("native")), mojo.roots(module));

        mojo.sourceDirectories = List.of(new File("missing"));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo.roots(module));
        assertTrue(e.getMessage().startsWith("vforklint: sourceDirectories: no such file or folder: "), e.getMessage());
    }
}
