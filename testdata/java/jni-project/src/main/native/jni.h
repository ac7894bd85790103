/* The few declarations of the JDK's jni.h this project uses (JNI projects often vendor it). */
#ifndef JNI_H
#define JNI_H
#define JNIEXPORT __attribute__((visibility("default")))
#define JNICALL
typedef int jint;
typedef void *jclass;
typedef void *jstring;
typedef unsigned char jboolean;
struct JNINativeInterface_;
typedef const struct JNINativeInterface_ *JNIEnv;
struct JNINativeInterface_ {
    const char *(*GetStringUTFChars)(JNIEnv *env, jstring str, jboolean *isCopy);
    void (*ReleaseStringUTFChars)(JNIEnv *env, jstring str, const char *chars);
};
#endif
