package org.rtmmlab.api.scheduler.dispatch;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Finds a job of the view again by its id, for schedulers that keep jobs across {@code decide} calls (issue 15):
 * O(1) when the job has not moved, O(log jobs) when jobs before it left. Relies on what the engine's view
 * guarantees (see {@link JobOrder}): jobs are in release order with increasing ids, and between calls jobs only leave
 * or are appended, so a job's index never grows; {@code hint} is an index the job had before.
 */
public final class JobIndex {

    private JobIndex() {
    }

    /**
     * @param view the view
     * @param id   the job's id
     * @param hint an index the job had in an earlier call (its index now is at most this)
     * @return the job's index now if it is still at {@code min(hint, jobCount - 1)}, else -1 (no search)
     */
    public static int atHint(SchedulerView view, long id, int hint) {
        int h = Math.min(hint, view.jobCount() - 1);
        return h >= 0 && view.jobId(h) == id ? h : -1;
    }

    /**
     * @param view the view
     * @param id   the job's id
     * @param hint an index the job had in an earlier call (its index now is at most this)
     * @return the job's index now, or -1 if it left the view
     */
    public static int find(SchedulerView view, long id, int hint) {
        return find(view, id, hint, 0);
    }

    /**
     * @param view the view
     * @param id   the job's id
     * @param hint an index the job had in an earlier call (its index now is at most this)
     * @param from the lowest index the job can have now
     * @return the job's index now, or -1 if it left the view (or is not at {@code from} or later)
     */
    public static int find(SchedulerView view, long id, int hint, int from) {
        int hi = Math.min(hint, view.jobCount() - 1);
        if (hi >= from && view.jobId(hi) == id) {
            return hi;
        }
        int lo = from;
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = view.jobId(mid);
            if (m < id) {
                lo = mid + 1;
            } else if (m > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * @param view  the view
     * @param maxId the largest job id seen in earlier calls
     * @return the index of the first of the jobs released since: the tail of the view whose ids exceed {@code maxId}
     * ({@code jobCount} when there is none)
     */
    public static int firstAfter(SchedulerView view, long maxId) {
        int first = view.jobCount();
        while (first > 0 && view.jobId(first - 1) > maxId) {
            first--;
        }
        return first;
    }
}
