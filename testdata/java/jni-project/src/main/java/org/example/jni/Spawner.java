package org.example.jni;

/** The Java side of a JNI spawner: the native method's C code is what matters, and the C rules check it. */
public final class Spawner {
    static {
        System.loadLibrary("spawner");
    }

    public static native int spawn(String path);

    private Spawner() {
    }
}
