package org.rtmmlab.report.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each recent frame of an upstream task ended (the slice its last block drew), so that the cascaded request of
 * the same frame, which ends later, can draw a flow arrow from it. Bounded: the newest {@link #PER_TASK} frames of
 * each upstream task are kept; an older upstream frame loses its arrow, never the run its memory.
 */
final class CascadeLinks {

    /** Frames remembered per upstream task. */
    static final int PER_TASK = 4096;

    /**
     * The end of an upstream frame on the trace.
     *
     * @param pid  process (accelerator) of its last block
     * @param tid  thread (lane) of its last block
     * @param tsNs a time inside its last block, just before it ends
     */
    record Anchor(int pid, int tid, long tsNs) {
    }

    private final Map<Long, Anchor>[] byTask;

    @SuppressWarnings("unchecked")
    CascadeLinks(int tasks) {
        byTask = new Map[tasks];
    }

    /** Remembers where frame {@code frame} of upstream task {@code task} ended. */
    void put(int task, long frame, Anchor anchor) {
        if (byTask[task] == null) {
            byTask[task] = new LinkedHashMap<>(64, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Anchor> eldest) {
                    return size() > PER_TASK;
                }
            };
        }
        byTask[task].put(frame, anchor);
    }

    /** @return where frame {@code frame} of task {@code task} ended, or null if unknown or forgotten */
    Anchor get(int task, long frame) {
        Map<Long, Anchor> m = byTask[task];
        return m == null ? null : m.get(frame);
    }
}
