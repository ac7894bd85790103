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

    /** The defaults, as constants: the build plugins' annotations can only name those. */
    public static final int DEFAULT_CALL_DEPTH = 64;
    public static final int DEFAULT_STEPS_PER_FUNCTION = 200_000;
    public static final int DEFAULT_HELPER_REACH = 50;

    public static AnalysisLimits defaults() {
        return new AnalysisLimits(DEFAULT_CALL_DEPTH, DEFAULT_STEPS_PER_FUNCTION, DEFAULT_HELPER_REACH);
    }
}
