/**
 * The library's front door: run a check as the command line and the build plugins do (options,
 * configuration file, scan, suppressions, baseline) and write its reports. The command line and
 * the Maven and Gradle adapters are thin layers over {@link io.github.vforklint.api.Check}.
 */
package io.github.vforklint.api;
