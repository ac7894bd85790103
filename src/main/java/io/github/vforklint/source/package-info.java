/** Reading source files once, and turning offsets into lines and columns. */
package io.github.vforklint.source;
