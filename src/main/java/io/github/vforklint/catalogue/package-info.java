/**
 * The catalogue in {@code rules/} as data: compiled into one JSON resource at build time, read by
 * the rule catalogue (rule documents) and the function knowledge (function lists).
 */
package io.github.vforklint.catalogue;
