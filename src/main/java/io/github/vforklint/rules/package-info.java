/**
 * The rules: the catalogue loaded from {@code rules/*.md} (ids, names, severities, messages, docs,
 * examples) and the checks that turn the analysis' observations into findings worded by it.
 */
package io.github.vforklint.rules;
