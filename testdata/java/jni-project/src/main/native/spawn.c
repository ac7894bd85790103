/* JNI code under src/main/native: the C rules read it with no extra option (jni.h is vendored next to it). */
#include "jni.h"
#include <stdio.h>
#include <unistd.h>

JNIEXPORT jint JNICALL Java_org_example_jni_Spawner_spawn(JNIEnv *env, jclass cls, jstring path)
{
    const char *cpath = (*env)->GetStringUTFChars(env, path, NULL);
    pid_t pid = vfork();
    if (pid == 0) {
        printf("starting %s\n", cpath); /* expect: VFK101 */
        execl(cpath, cpath, (char *)0); /* expect: VFK105 */
    }
    (*env)->ReleaseStringUTFChars(env, path, cpath);
    return pid;
}
