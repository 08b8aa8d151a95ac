package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Per-scheduler scratch marks of the jobs and accelerators used within one {@code decide} call (view indices are
 * valid for one call only), for the scans kept as references (O(jobs) per call: the kept orders do without). Arrays grow as needed and are reused, so steady-state decisions do not allocate.
 */
final class DecisionScratch {

    /** Accelerators given a block in the current call, by view index. */
    boolean[] acceleratorTaken = new boolean[0];
    /** Jobs dispatched in the current call, by view index. */
    boolean[] jobTaken = new boolean[0];

    /** Clears the marks for a new call on {@code view}. */
    void reset(SchedulerView view) {
        acceleratorTaken = cleared(acceleratorTaken, view.acceleratorCount());
        jobTaken = cleared(jobTaken, view.jobCount());
    }

    /** Marks job {@code j} and accelerator {@code a} as used. */
    void take(int j, int a) {
        jobTaken[j] = true;
        acceleratorTaken[a] = true;
    }

    private static boolean[] cleared(boolean[] marks, int size) {
        if (marks.length < size) {
            return new boolean[Math.max(size, marks.length * 2)];
        }
        Arrays.fill(marks, 0, size, false);
        return marks;
    }
}
