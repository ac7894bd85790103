#include <jni.h>
#include <stdio.h>
#include <unistd.h>

/* A JNI helper that starts a program: the vfork child calls printf, which shares stdio with the JVM. */
static int spawn(const char *path, char *const argv[])
{
    pid_t pid = vfork();
    if (pid == 0) {
        printf("starting %s\n", path);
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* Parses only with jni.h and jni_md.h (JNIEXPORT, JNICALL), which the plugin finds in the JDK. */
JNIEXPORT jint JNICALL Java_it_Spawner_spawn(JNIEnv *env, jclass cls, jstring path)
{
    const char *p = (*env)->GetStringUTFChars(env, path, NULL);
    char *argv[] = {(char *)p, NULL};
    int pid = spawn(p, argv);
    (*env)->ReleaseStringUTFChars(env, path, p);
    return pid;
}
