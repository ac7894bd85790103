/**
 * The Maven plugin ({@code mvn vforklint:check}, {@code vforklint:aggregate}, {@code vforklint:help}):
 * an adapter that turns mojo parameters into a {@link io.github.vforklint.api.CheckRequest} and
 * the result into logs, reports and a build failure. With {@code gradle}, the only package that
 * imports a build tool's API (provided by Maven at run time).
 */
package io.github.vforklint.maven;
