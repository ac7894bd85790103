/**
 * The build's compilation database ({@code compile_commands.json}): per file, the include paths,
 * macros and forced includes its compiler gets. Commands are split like a shell splits them and
 * never executed.
 */
package io.github.vforklint.compdb;
