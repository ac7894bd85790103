package org.example.daemon;

import com.sun.jna.StringArray;

import java.io.IOException;

public class Daemon {

    /** Re-executes the JVM in the background, forking natively. */
    public void daemonize(String java, String[] args) throws IOException {
        String[] argv = args.clone();
        int pid = CLibrary.LIBC.fork();
        if (pid < 0) {
            throw new IOException("fork failed");
        }
        if (pid == 0) {
            CLibrary.LIBC.setsid(); // expect: VFK312
            CLibrary.LIBC.execv(java, new StringArray(argv)); // expect: VFK312@39
            System.err.println("exec failed"); // expect: VFK312
            CLibrary.LIBC.perror("daemon"); // expect: VFK312
            System.exit(-1); // expect: VFK312
        }
        System.out.println("started " + pid);
    }

    /** The same, done right: everything prepared before fork, only exec and _exit in the child. */
    public int spawn(String java, StringArray argv) {
        int pid = CLibrary.LIBC.fork();
        if (pid == 0) {
            CLibrary.LIBC.execv(java, argv);
            CLibrary.LIBC._exit(127);
        }
        return pid;
    }

    /** The classic daemon: the parent exits and the child carries on running the JVM. */
    public void detach() {
        int i = CLibrary.LIBC.fork();
        if (i < 0) {
            System.exit(-1);
        }
        if (i > 0) {
            System.exit(0);
        }
        run(); // expect: VFK312
    }

    private void run() {
    }
}
