/** Reading command lines as a shell splits them into words, without ever running a shell. */
package io.github.vforklint.shell;
