package org.example.daemon;

import com.sun.jna.StringArray;

import static org.example.daemon.CLibrary.LIBC;

/** akuma's NetworkServer: the binding reached through a static import, the symbol solver unable to resolve JNA. */
public class Workers {

    void forkWorkers(int n, String exe, StringArray sa) {
        for (int i = 0; i < n; i++) {
            int r = LIBC.fork();
            if (r == 0) {
                LIBC.execv(exe, sa);
                System.exit(-1); // expect: VFK312
            }
        }
    }
}
