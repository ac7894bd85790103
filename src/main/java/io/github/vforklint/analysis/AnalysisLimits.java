package io.github.vforklint.analysis;

/**
 * Bounds that keep pathological code from stalling a scan; reaching one is reported, never silent.
 *
 * @param callDepth        how deep into helpers the child is followed
 * @param stepsPerFunction (node, state) visits per function walk
 */
public record AnalysisLimits(int callDepth, int stepsPerFunction) {

    public static AnalysisLimits defaults() {
        return new AnalysisLimits(64, 200_000);
    }
}
