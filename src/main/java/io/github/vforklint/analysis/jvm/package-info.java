/**
 * What the JVM front end observes, as plain records the rules judge: where a JVM gets the
 * {@code jdk.lang.Process.launchMechanism} property and with what value, libc's fork family bound
 * from Java, reflective or native access to the JDK's own process launcher, and Java code that
 * runs in a natively forked child. No JavaParser type appears here.
 */
package io.github.vforklint.analysis.jvm;
