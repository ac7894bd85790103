/**
 * Scanning a tree: finding the C files, skipping cheaply the ones that cannot involve vfork,
 * parsing the rest in parallel, and collecting findings and diagnostics in a deterministic order.
 * The CLI and the build plugins all go through {@link io.github.vforklint.scan.Scanner}.
 */
package io.github.vforklint.scan;
