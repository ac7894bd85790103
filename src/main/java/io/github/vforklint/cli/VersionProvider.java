package io.github.vforklint.cli;

import io.github.vforklint.Version;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"vforklint " + Version.current()};
    }
}
