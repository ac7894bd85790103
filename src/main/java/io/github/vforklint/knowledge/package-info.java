/**
 * What vforklint knows about C library functions (vfork sites, exec, exit, unsafe, async-signal-safe,
 * pure), loaded from the data files under {@code rules/functions/}.
 */
package io.github.vforklint.knowledge;
