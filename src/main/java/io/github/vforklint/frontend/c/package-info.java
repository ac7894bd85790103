/**
 * The C front end: parses with Eclipse CDT (GCC dialect, real name resolution, macros, include
 * paths) and lowers function definitions into the {@link io.github.vforklint.ir} model. This is
 * the only package that imports CDT.
 */
package io.github.vforklint.frontend.c;
