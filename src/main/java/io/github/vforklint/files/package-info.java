/**
 * Files the user names (configuration, baseline, compilation database) read without ever blocking
 * or exhausting memory, and report files written so that a failed write never destroys the
 * previous one. A leaf package: it depends on nothing else in vforklint.
 */
package io.github.vforklint.files;
