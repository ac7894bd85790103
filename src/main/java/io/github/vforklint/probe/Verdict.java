package io.github.vforklint.probe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a process-creation mechanism turned out to do, from memory sharing and parent suspension. */
public enum Verdict {
    TRUE_VFORK("true-vfork", "child borrows the parent's memory; parent suspended until the child exits or execs"),
    FORK_LIKE("fork-like", "child gets a copy of memory; parent keeps running: vfork is fork here"),
    COPY_BUT_SUSPENDED("copy-but-suspended", "child gets a copy of memory, but the parent waits for it"),
    SHARED_NOT_SUSPENDED("shared-not-suspended", "child shares memory while the parent keeps running"),
    UNAVAILABLE("unavailable", "not offered here (ENOSYS/EINVAL) or not built"),
    INCONSISTENT("inconsistent", "trials disagreed, or a trial contradicted itself");

    private final String label;
    private final String meaning;

    Verdict(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    @JsonCreator
    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
