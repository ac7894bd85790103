package it;

/** Starts a process the ordinary way: nothing for vforklint to report. */
public final class Launcher {
    public static Process launch(String command) throws java.io.IOException {
        return new ProcessBuilder(command).start();
    }
}
