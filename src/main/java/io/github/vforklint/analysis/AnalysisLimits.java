package io.github.vforklint.analysis;

/**
 * Bounds that keep pathological code from stalling a scan; reaching one is reported, never silent.
 *
 * @param callDepth        how deep into helpers the child is followed
 * @param stepsPerFunction (node, state) visits per function walk
 * @param helperReach      how many distinct functions a helper may reach and still be followed:
 *                         a child that calls into an interpreter (CPython's PyObject_Call) would
 *                         otherwise be reported for the whole interpreter
 */
public record AnalysisLimits(int callDepth, int stepsPerFunction, int helperReach) {

    public AnalysisLimits(int callDepth, int stepsPerFunction) {
        this(callDepth, stepsPerFunction, defaults().helperReach());
    }

    public static AnalysisLimits defaults() {
        return new AnalysisLimits(64, 200_000, 50);
    }
}
