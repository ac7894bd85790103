/**
 * The Gradle plugins: {@code io.github.vforklint-base} (the task type, the extension, the
 * {@code vforklint} tool configuration) and {@code io.github.vforklint} (tasks wired into
 * {@code check}). An adapter over {@link io.github.vforklint.api}; with {@code maven}, the only
 * package that imports a build tool's API (provided by Gradle at run time). The analysis runs in
 * a Worker API work action ({@link io.github.vforklint.gradle.VforklintWork}).
 */
package io.github.vforklint.gradle;
