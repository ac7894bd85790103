/** The {@code vforklint} command line (picocli): check, rules, explain, probe. */
package io.github.vforklint.cli;
