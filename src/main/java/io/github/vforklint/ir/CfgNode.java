package io.github.vforklint.ir;

import java.util.ArrayList;
import java.util.List;

/** A basic block: events in order, then a terminator. */
public final class CfgNode {

    private final int id;
    private final List<Event> events = new ArrayList<>();
    private Terminator terminator;

    public CfgNode(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public List<Event> events() {
        return events;
    }

    public Terminator terminator() {
        return terminator;
    }

    public void add(Event event) {
        events.add(event);
    }

    public void terminate(Terminator terminator) {
        if (this.terminator == null) {
            this.terminator = terminator;
        }
    }

    public boolean isTerminated() {
        return terminator != null;
    }

    @Override
    public String toString() {
        return "B" + id;
    }
}
