package io.github.vforklint.analysis.jvm;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Location;

/**
 * Java code that reaches into the JDK's private process launcher instead of ProcessBuilder: the
 * native {@code forkAndExec} (by reflection, a method handle, or a JNA/JNR binding of
 * {@code Java_java_lang_ProcessImpl_forkAndExec}) or the {@code launchMechanism} field.
 *
 * @param target what is reached: "ProcessImpl.forkAndExec", "ProcessImpl.launchMechanism"
 * @param through how: "reflection", "a method handle", "JNA"
 */
public record InternalLaunchAccess(Location location, String target, String through) implements Observation {
}
