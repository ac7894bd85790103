package org.example.daemon;

import com.sun.jna.Native;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class Spawners {

    interface VforkLib extends com.sun.jna.Library {
        int vfork(); // expect: VFK311@13
    }

    /** NuProcess-style direct mapping of the JDK's own launcher. */
    static class LibJava {
        static {
            Native.register("java");
        }

        static native int Java_java_lang_ProcessImpl_forkAndExec(Object env, Object process, int mode); // expect: VFK304
    }

    private final POSIX posix = POSIXFactory.getPOSIX();

    int jnrFork() {
        return posix.fork(); // expect: VFK310
    }

    int jnrForkDirect() {
        return POSIXFactory.getPOSIX().fork(); // expect: VFK310
    }

    Object ffm() {
        var linker = java.lang.foreign.Linker.nativeLinker();
        return linker.defaultLookup().find("vfork").orElseThrow(); // expect: VFK311@44
    }

    Method reflective() throws Exception {
        Class<?> impl = Class.forName("java.lang.ProcessImpl");
        Field mechanism = impl.getDeclaredField("launchMechanism"); // expect: VFK304
        return impl.getDeclaredMethod("forkAndExec", int.class, byte[].class); // expect: VFK304
    }

    /** fork() on a ForkJoinTask is not libc's fork. */
    int notNative(java.util.concurrent.RecursiveTask<Integer> task) {
        task.fork();
        return task.join();
    }
}
