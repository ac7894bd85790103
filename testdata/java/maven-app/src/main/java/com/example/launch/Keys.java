package com.example.launch;

/** The property's name, built from two constants so that only folding finds it. */
public final class Keys {
    static final String PREFIX = "jdk.lang.Process";
    public static final String LAUNCH = PREFIX + ".launchMechanism";

    private Keys() {
    }
}
