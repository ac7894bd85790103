/** Writing scan results: one class per output format. */
package io.github.vforklint.report;
