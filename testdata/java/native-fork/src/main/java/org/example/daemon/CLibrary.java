package org.example.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.StringArray;

/** libc bound with JNA, as akuma's daemon does it. */
public interface CLibrary extends Library {
    int fork(); // expect: VFK310@9

    int setsid();

    int execv(String path, StringArray argv);

    void _exit(int status);

    void perror(String message);

    CLibrary LIBC = Native.load("c", CLibrary.class);
}
