package io.github.vforklint.probe;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file name under which {@code --record} saves a result: one file per platform, where a
 * platform is what changes vfork's behaviour (OS, architecture, libc, linkage, emulator).
 */
public final class PlatformKey {
    private PlatformKey() {}

    public static String of(ProbeResult r) {
        var p = r.platform();
        StringBuilder key = new StringBuilder();
        key.append(p.os()).append('-').append(p.arch()).append('-').append(p.libc().name()).append('-').append(p.linkage());
        String emulator = p.emulation().detected();
        if (!"none".equals(emulator)) {
            key.append('-').append(emulator);
        } else if (r.invocation() != null && r.invocation().runWith() != null) {
            // a wrapper the probe cannot see through (strace, taskset) still makes a separate setup
            key.append('-').append(Path.of(r.invocation().run().get(0)).getFileName());
        }
        return key.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }
}
