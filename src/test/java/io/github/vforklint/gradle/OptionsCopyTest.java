package io.github.vforklint.gradle;

import org.gradle.api.Project;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.provider.Provider;
import org.gradle.testfixtures.ProjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link VforklintOptions#copy} is a hand-kept list of the options: every option of the interface,
 * set to a value of its own, must reach the copy (an option added and not copied would be lost
 * between the extension and the worker without a word).
 */
class OptionsCopyTest {

    @TempDir
    File dir;

    @Test
    void everyOptionSurvivesTheCopy() throws Exception {
        Project project = ProjectBuilder.builder().withProjectDir(dir).build();
        VforklintOptions from = project.getObjects().newInstance(VforklintOptions.class);
        VforklintOptions to = project.getObjects().newInstance(VforklintOptions.class);
        List<Method> options = new java.util.ArrayList<>();
        for (Method m : VforklintOptions.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getName().startsWith("get")) {
                options.add(m);
                setDistinct(m, m.invoke(from), project);
            }
        }
        assertTrue(options.size() >= 20, options.toString());

        VforklintOptions.copy(from, to);

        for (Method m : options) {
            Object expected = ((Provider<?>) m.invoke(from)).getOrNull();
            assertNotNull(expected, m.getName());
            assertEquals(expected, ((Provider<?>) m.invoke(to)).getOrNull(), m.getName() + " is not copied");
        }
    }

    @SuppressWarnings("unchecked")
    private static void setDistinct(Method getter, Object property, Project project) {
        String name = getter.getName().substring(3);
        if (property instanceof DirectoryProperty d) {
            d.set(project.getLayout().getProjectDirectory().dir(name));
        } else if (property instanceof RegularFileProperty f) {
            f.set(project.getLayout().getProjectDirectory().file(name + ".txt"));
        } else if (property instanceof ListProperty<?> l) {
            ((ListProperty<String>) l).set(List.of(name, name + "-2"));
        } else if (property instanceof Property<?> p) {
            Class<?> type = (Class<?>) ((ParameterizedType) getter.getGenericReturnType()).getActualTypeArguments()[0];
            if (type == String.class) {
                ((Property<String>) p).set(name);
            } else if (type == Integer.class) {
                ((Property<Integer>) p).set(name.hashCode() & 0xffff);
            } else if (type == Boolean.class) {
                ((Property<Boolean>) p).set(!((Property<Boolean>) p).getOrElse(false));
            } else {
                throw new AssertionError("no sample value for " + getter);
            }
        } else {
            throw new AssertionError("an option of a kind this test does not know: " + getter);
        }
    }
}
