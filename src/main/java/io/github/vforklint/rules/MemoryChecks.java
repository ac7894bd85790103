package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;
import java.util.Set;

/** The child writing the parent's memory, and the parent relying on what it wrote. */
final class MemoryChecks implements Check {

    @Override
    public Set<String> ruleIds() {
        return Set.of(RuleIds.PARENT_MEMORY_WRITE, RuleIds.PARENT_READS_CHILD_WRITE);
    }

    @Override
    public void check(VforkObservation observation, FindingSink sink) {
        if (observation instanceof VforkObservation.ParentMemoryWrite write) {
            sink.report(RuleIds.PARENT_MEMORY_WRITE, write.location(),
                    Map.of("variable", write.write().target().text()), write);
        } else if (observation instanceof VforkObservation.CloneArgumentWrite write) {
            sink.report(RuleIds.PARENT_READS_CHILD_WRITE, "clone-argument", write.location(),
                    Map.of("variable", write.write().target().text()), write);
        } else if (observation instanceof VforkObservation.ParentRead read) {
            sink.report(RuleIds.PARENT_READS_CHILD_WRITE, read.location(),
                    Map.of("variable", read.read().variable().name()), read);
        }
    }
}
