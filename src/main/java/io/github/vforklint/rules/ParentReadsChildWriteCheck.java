package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;

/**
 * VFK201: the parent relies on what the child wrote (a read after vfork returns), or a clone
 * child writes the memory clone's argument shares on purpose.
 */
@CheckedRule(RuleIds.PARENT_READS_CHILD_WRITE)
final class ParentReadsChildWriteCheck extends VforkChecker
        implements VforkChecker.ParentReadMatcher, VforkChecker.CloneArgumentWriteMatcher {

    @Override
    public void matchParentRead(VforkObservation.ParentRead read, Reporter reporter) {
        reporter.report(read.location(), Map.of("variable", read.read().variable().name()), read);
    }

    @Override
    public void matchCloneArgumentWrite(VforkObservation.CloneArgumentWrite write, Reporter reporter) {
        reporter.report("clone-argument", write.location(), Map.of("variable", write.target()), write);
    }
}
