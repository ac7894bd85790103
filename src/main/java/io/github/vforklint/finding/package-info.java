/** What a scan produces: findings against rules, and diagnostics about the scan itself. */
package io.github.vforklint.finding;
