/**
 * Work spread over the threads a scan may use ({@code --jobs}), with results in the order of its
 * input, so that what a scan prints never depends on how many threads made it. A leaf package: it
 * depends on nothing else in vforklint.
 */
package io.github.vforklint.parallel;
