package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The accelerators still free in one {@code decide} call: idle in the view and not yet given a block in this call
 * (decisions apply only after the call). Read from the view once per call; the array is reused, so a call does not
 * allocate. With none left no further dispatch can happen, which lets a loop stop before looking at more jobs.
 */
final class AvailableAccelerators {

    /** By accelerator index: idle and not taken in this call. */
    boolean[] available = new boolean[0];
    private boolean[] taken = new boolean[0];
    private int count;

    /** @return the idle accelerators of {@code view}, all available again for a new call */
    int reset(SchedulerView view) {
        int n = view.acceleratorCount();
        if (available.length != n) {
            available = new boolean[n];
        }
        int idle = 0;
        for (int a = 0; a < n; a++) {
            boolean free = view.idle(a);
            available[a] = free;
            if (free) {
                idle++;
            }
        }
        count = idle;
        return idle;
    }

    /** @return the accelerators still available in this call */
    int count() {
        return count;
    }

    /** Accelerator {@code a} (available) is given a block in this call. */
    void take(int a) {
        available[a] = false;
        count--;
    }

    /**
     * @return by accelerator index, those given a block in this call (for {@code AcceleratorChoice}, which reads the
     * view's idle state itself); computed on demand, a rare fallback
     */
    boolean[] takenInCall(SchedulerView view) {
        int n = available.length;
        if (taken.length != n) {
            taken = new boolean[n];
        }
        for (int a = 0; a < n; a++) {
            taken[a] = view.idle(a) && !available[a];
        }
        return taken;
    }
}
