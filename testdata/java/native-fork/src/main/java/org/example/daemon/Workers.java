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

    /** switch on the result: only case 0 is the child; the parent's default may print. */
    int spawnSwitch(String exe, StringArray sa) {
        int pid = LIBC.fork();
        switch (pid) {
            case -1:
                System.err.println("fork failed");
                return -1;
            case 0:
                LIBC.execv(exe, sa);
                System.out.println("exec failed"); // expect: VFK312
                LIBC._exit(127);
                break;
            default:
                System.out.println("started " + pid);
        }
        return pid;
    }
}
