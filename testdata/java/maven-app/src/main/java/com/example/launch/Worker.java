package com.example.launch;

import static java.lang.System.setProperty;

/** Sets the property in places the JDK may already have read it. */
public class Worker {

    static { // a text block folds like any literal; expect-next-line: VFK301
        setProperty(Keys.LAUNCH, """
                VFORK""");
    }

    void run(String mode, boolean mac) {
        if (mac) {
            // Hadoop's Shell.run does this on every command: too late after the first one.
            System.setProperty(Keys.LAUNCH, "POSIX_SPAWN"); // expect: VFK303
        }
        System.setProperty(Keys.LAUNCH, mode); // expect-note
        final String chosen = Modes.TYPO;
        System.getProperties().put(Keys.LAUNCH, chosen); // expect: VFK302 VFK303
    }

    @SuppressWarnings("vforklint:VFK303")
    void configureBeforeAnyProcess() {
        System.setProperty(Keys.LAUNCH, "FORK");
    }
}
