package com.example.launch;

/** Interface fields are constants without saying so. */
interface Modes {
    String CHOSEN = "VF" + "ORK";
    String TYPO = "posix-spawn";
}
