/**
 * The JVM front end: finds where JVMs are told to launch processes with vfork, and where Java code
 * forks natively. Java sources are parsed with JavaParser (the only package that imports it), at
 * the newest language level unless pinned, with the symbol solver folding constants across
 * files. Build files and scripts are read with format-aware tokenizers (StAX for POMs, Jackson's
 * YAML parser, shell word splitting, Dockerfile instructions, properties and systemd lines, a
 * Groovy/Kotlin token scanner for Gradle scripts); none of them is ever executed.
 */
package io.github.vforklint.frontend.java;
