/**
 * The one interface every language's front end implements ({@link io.github.vforklint.frontend.FrontEnd}),
 * and what passes through it. Only {@code frontend.c} imports CDT; only {@code frontend.java}
 * imports JavaParser.
 */
package io.github.vforklint.frontend;
