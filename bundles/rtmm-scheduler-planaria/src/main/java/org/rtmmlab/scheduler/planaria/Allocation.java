package org.rtmmlab.scheduler.planaria;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * One Planaria allocation (MICRO 2020, section V, and the official scheduler.py): which resources each unfinished job
 * may use until the next re-allocation. A resource unit is one of the {@code partitions()} spatial shares of an
 * accelerator (a whole accelerator when it has one partition); its amount is the accelerator's PEs / partitions. An
 * option of a job is {@code k} units of one accelerator (a job runs one block at a time, so on one accelerator), whose
 * remaining time is the remaining latency there divided by the share {@code k / partitions}.
 *
 * <p>Rule: slack = deadline - now; min-feasible = the option with the fewest PEs whose remaining time fits the slack.
 * Score = priority / (slack x min-feasible PEs), or -priority / (fastest whole-accelerator remaining time) for an
 * infeasible job. In score order (feasible jobs first; infeasible ones by |score|, i.e. shortest remaining time
 * first), each feasible job gets the smallest feasible option that is still free; then each job without a grant gets
 * the fastest option still free. Units left on an accelerator are shared among its grantees ({@link #shareSpare}):
 * when all fit in proportion to priority / remaining time, otherwise in proportion to the non-negative score; rounded;
 * leftovers to the highest priority, over-allocation shaved from the lowest priority.
 *
 * <p>One per scheduler, recomputed in place at each re-allocation: the jobs come from a {@link Backlog} in score order
 * as they are needed (only a prefix of the order can get resources: each grant takes at least one free unit), and
 * the working arrays are kept from one allocation to the next, so steady state allocates nothing.
 */
final class Allocation {

    // the result: granted jobs in view-index order (at most one per resource unit, so a handful)
    private int size;
    private int[] jobs = new int[8];
    private long[] ids = new long[8];
    private int[] accelerators = new int[8];
    private int[] units = new int[8];
    private int[] partitions = new int[8];

    // the jobs taken from the order in this allocation ("needs"), in score order, with their grants (-1: none)
    private int needCount;
    private int[] needJob = new int[8];
    private double[] needScore = new double[8];
    private int[] grantAccelerator = new int[8];
    private int[] grantUnits = new int[8];
    private int[] waiting = new int[8];
    private int[] free = new int[0];
    /** The option chosen by {@link #firstFree} / {@link #fastestFree}: accelerator and units. */
    private int optionAccelerator;
    private int optionUnits;
    // spare sharing scratch, per grantee of one accelerator
    private int[] on = new int[8];
    private int[] base = new int[8];
    private int[] share = new int[8];
    private double[] weight = new double[8];
    private int[] shaveOrder = new int[8];

    /** @return how many jobs have a grant */
    int size() {
        return size;
    }

    /**
     * @return the view index of the {@code i}-th granted job (grants in ascending view-index order) at the time of
     * the allocation; the caller checks it against {@link #jobId(int)}
     */
    int job(int i) {
        return jobs[i];
    }

    /** @return the request id of the {@code i}-th granted job */
    long jobId(int i) {
        return ids[i];
    }

    /** @return the accelerator of the {@code i}-th grant */
    int accelerator(int i) {
        return accelerators[i];
    }

    /** @return the partitions of the {@code i}-th grant's accelerator */
    int partitions(int i) {
        return partitions[i];
    }

    /** @return the share of its accelerator the {@code i}-th grant gives: units / partitions */
    double share(int i) {
        return units[i] == partitions[i] ? 1.0 : (double) units[i] / partitions[i];
    }

    /** Forgets the grants (nothing granted until the next {@link #compute}). */
    void clear() {
        size = 0;
    }

    /**
     * Computes the allocation of the view's unfinished jobs at {@code view.now()}, replacing this one.
     *
     * @param order the run's jobs in score order, brought up to date here
     */
    void compute(SchedulerView view, boolean shareSpare, Backlog order) {
        int accs = view.acceleratorCount();
        if (free.length < accs) {
            free = new int[accs];
        }
        for (int a = 0; a < accs; a++) {
            free[a] = view.accelerator(a).partitions();
        }
        // feasible jobs by score; then infeasible ones by |score| = priority / fastest remaining time (Planaria
        // shares cores in proportion to |score| when tasks are infeasible; a whole accelerator cannot be shared, so
        // |score| becomes an order: the shortest infeasible job first, which lets started frames finish)
        order.begin(view);
        needCount = 0;
        int waitingCount = 0;
        while (order.hasFeasible() && anyFree(accs)) {
            int n = take(order);
            if (firstFree(view, needJob[n], accs)) {
                grant(n);
            } else {
                waiting = grow(waiting, waitingCount);
                waiting[waitingCount++] = n;
            }
        }
        // what is left in the order would wait too: the infeasible jobs, and feasible ones once nothing is free
        boolean allFitted = waitingCount == 0 && order.isEmpty();
        for (int w = 0; w < waitingCount; w++) {
            int n = waiting[w];
            if (fastestFree(view, needJob[n], accs)) {
                grant(n);
            }
        }
        while (!order.isEmpty() && anyFree(accs)) {
            int n = take(order);
            if (fastestFree(view, needJob[n], accs)) {
                grant(n);
            }
        }
        if (shareSpare) {
            // all fit: every job is feasible and got a feasible option in the score-order pass (the official
            // check_if_tasks_all_fit: every task has a feasible core count and the minima fit together)
            boolean allFit = needCount > 0 && allFitted;
            shareSpare(view, accs, allFit);
        }
        for (int n = 0; n < needCount; n++) {
            if (grantAccelerator[n] >= 0) {
                order.granted(n);
            }
        }
        order.settle();
        // the decision loop visits granted jobs in view-index order (as a scan of every job did) without a look-up
        // per job: the cost of a decision between re-allocations does not grow with the backlog
        size = 0;
        for (int n = 0; n < needCount; n++) {
            if (grantAccelerator[n] >= 0) {
                int i = size++;
                int j = needJob[n];
                while (i > 0 && jobs[i - 1] > j) { // insertion by view index (a handful of grants)
                    set(i, jobs[i - 1], ids[i - 1], accelerators[i - 1], units[i - 1], partitions[i - 1]);
                    i--;
                }
                int a = grantAccelerator[n];
                set(i, j, view.jobId(j), a, grantUnits[n], view.accelerator(a).partitions());
            }
        }
    }

    private void set(int i, int job, long id, int accelerator, int unitCount, int parts) {
        if (i >= jobs.length) {
            int n = Math.max(i + 1, 2 * jobs.length);
            jobs = Arrays.copyOf(jobs, n);
            ids = Arrays.copyOf(ids, n);
            accelerators = Arrays.copyOf(accelerators, n);
            units = Arrays.copyOf(units, n);
            partitions = Arrays.copyOf(partitions, n);
        }
        jobs[i] = job;
        ids[i] = id;
        accelerators[i] = accelerator;
        units[i] = unitCount;
        partitions[i] = parts;
    }

    /** Takes the next job of the order as a need. @return its need index */
    private int take(Backlog order) {
        int j = order.next();
        int n = needCount++;
        if (n == needJob.length) {
            int len = 2 * n;
            needJob = Arrays.copyOf(needJob, len);
            needScore = Arrays.copyOf(needScore, len);
            grantAccelerator = Arrays.copyOf(grantAccelerator, len);
            grantUnits = Arrays.copyOf(grantUnits, len);
        }
        needJob[n] = j;
        needScore[n] = order.lastScore();
        grantAccelerator[n] = -1;
        return n;
    }

    private boolean anyFree(int accs) {
        for (int a = 0; a < accs; a++) {
            if (free[a] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Grants need {@code n} the option last chosen. */
    private void grant(int n) {
        free[optionAccelerator] -= optionUnits;
        grantAccelerator[n] = optionAccelerator;
        grantUnits[n] = optionUnits;
    }

    /**
     * Chooses job {@code j}'s smallest feasible option that is free: of the options whose remaining time fits the
     * slack and whose units are free, the one with the fewest PEs, then the shorter remaining time, then the lower
     * accelerator index. @return false if there is none
     */
    private boolean firstFree(SchedulerView view, int j, int accs) {
        long slack = view.deadlineNs(j) - view.now();
        double bestPes = Double.NaN;
        long bestNs = 0;
        for (int a = 0; a < accs; a++) {
            int parts = view.accelerator(a).partitions();
            long whole = view.remainingLatencyNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j), a);
            for (int k = 1; k <= Math.min(parts, free[a]); k++) {
                long ns = Backlog.remainingNs(whole, parts, k);
                if (ns <= slack) {
                    double pes = pes(view, a, k);
                    int c = Double.isNaN(bestPes) ? -1 : Double.compare(pes, bestPes);
                    if (c < 0 || c == 0 && ns < bestNs) { // equal: the earlier (lower accelerator, fewer units)
                        bestPes = pes;
                        bestNs = ns;
                        optionAccelerator = a;
                        optionUnits = k;
                    }
                }
            }
        }
        return !Double.isNaN(bestPes);
    }

    /**
     * Chooses the free option (any size that fits) with the shortest remaining time for job {@code j}, then the
     * fewest units of that accelerator that are as fast. @return false if there is none
     */
    private boolean fastestFree(SchedulerView view, int j, int accs) {
        int best = -1;
        long bestNs = Long.MAX_VALUE;
        for (int a = 0; a < accs; a++) {
            if (free[a] > 0) {
                long ns = remainingNs(view, j, a, free[a]);
                if (ns < bestNs) {
                    bestNs = ns;
                    best = a;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        optionAccelerator = best;
        optionUnits = free[best];
        for (int k = 1; k <= free[best]; k++) {
            if (remainingNs(view, j, best, k) <= bestNs) {
                optionUnits = k;
                break;
            }
        }
        return true;
    }

    /** @return remaining time of job {@code j} on {@code k} of accelerator {@code a}'s partitions, ns */
    private static long remainingNs(SchedulerView view, int j, int a, int k) {
        long whole = view.remainingLatencyNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j), a);
        return Backlog.remainingNs(whole, view.accelerator(a).partitions(), k);
    }

    private static double pes(SchedulerView view, int a, int k) {
        return (double) view.accelerator(a).peCount() * k / view.accelerator(a).partitions();
    }

    /**
     * Shares each accelerator's unallocated units among its grantees, as the official scheduler.py's
     * {@code assign_cores_if_tasks_fit} / {@code assign_cores_if_tasks_not_fit} do with the spare cores:
     * <ul>
     * <li>weight: when all fit, priority / remaining time on the granted option (0 if that is 0); otherwise the
     * score where it is non-negative, else 0;</li>
     * <li>extra units = round(weight / sum of weights x spare), rounding half to even like Python 3's
     * {@code round};</li>
     * <li>over-allocation (rounding up): one unit at a time is taken back from the lowest-priority grantee that keeps
     * at least its minimum grant (so stays feasible); ties: the later in score order first; repeated until it fits;</li>
     * <li>leftovers: split evenly among the highest-priority grantees, the remainder (the official code picks one at
     * random) to the first of them in score order (higher score, earlier deadline, lower job id).</li>
     * </ul>
     * An infeasible grantee takes every free unit of its fastest accelerator ({@link #fastestFree}), so an
     * accelerator with spare units has only feasible grantees (non-negative scores); when no job is feasible nothing
     * is left to share.
     */
    private void shareSpare(SchedulerView view, int accs, boolean allFit) {
        for (int a = 0; a < accs; a++) {
            int spare = free[a];
            if (spare == 0) {
                continue;
            }
            int count = 0;
            for (int n = 0; n < needCount; n++) {
                if (grantAccelerator[n] == a) {
                    if (count == on.length) {
                        int len = 2 * count;
                        on = Arrays.copyOf(on, len);
                        base = Arrays.copyOf(base, len);
                        share = Arrays.copyOf(share, len);
                        weight = Arrays.copyOf(weight, len);
                        shaveOrder = Arrays.copyOf(shaveOrder, len);
                    }
                    on[count++] = n;
                }
            }
            if (count == 0) {
                continue;
            }
            double total = 0;
            for (int i = 0; i < count; i++) {
                int n = on[i];
                base[i] = grantUnits[n];
                share[i] = base[i];
                weight[i] = spareWeight(view, n, a, base[i], allFit);
                total += weight[i];
            }
            int given = 0;
            for (int i = 0; i < count; i++) {
                int extra = total == 0 ? 0 : (int) Math.rint(weight[i] / total * spare);
                share[i] += extra;
                given += extra;
            }
            given -= shave(view, count, given - spare);
            if (given < spare) {
                giveLeftovers(view, count, spare - given);
            }
            for (int i = 0; i < count; i++) {
                grantUnits[on[i]] = share[i];
            }
            free[a] = 0;
        }
    }

    /** @return need {@code n}'s weight in the sharing of accelerator {@code a}'s spare units */
    private double spareWeight(SchedulerView view, int n, int a, int unitCount, boolean allFit) {
        if (!allFit) {
            return Math.max(0, needScore[n]);
        }
        long remaining = remainingNs(view, needJob[n], a, unitCount);
        return remaining == 0 ? 0 : view.jobPriority(needJob[n]) / (double) remaining;
    }

    private int priority(SchedulerView view, int i) {
        return view.jobPriority(needJob[on[i]]);
    }

    /**
     * Takes back {@code over} units (if positive), one at a time, from the lowest-priority grantees above their
     * minimum grant (ties: later in score order first). @return the units taken back
     */
    private int shave(SchedulerView view, int count, int over) {
        if (over <= 0) {
            return 0;
        }
        // grantees from the last in score order, then stably by priority (insertion sort: a handful)
        for (int k = 0; k < count; k++) {
            int i = count - 1 - k;
            int p = priority(view, i);
            int at = k;
            while (at > 0 && priority(view, shaveOrder[at - 1]) > p) {
                shaveOrder[at] = shaveOrder[at - 1];
                at--;
            }
            shaveOrder[at] = i;
        }
        int taken = 0;
        boolean progress = true;
        while (taken < over && progress) {
            progress = false;
            for (int k = 0; k < count; k++) {
                int i = shaveOrder[k];
                if (taken < over && share[i] > base[i]) {
                    share[i]--;
                    taken++;
                    progress = true;
                }
            }
        }
        return taken;
    }

    /** Splits {@code left} units evenly among the highest-priority grantees, the remainder to the first of them. */
    private void giveLeftovers(SchedulerView view, int count, int left) {
        int top = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            top = Math.max(top, priority(view, i));
        }
        int tied = 0;
        int first = -1;
        for (int i = 0; i < count; i++) {
            if (priority(view, i) == top) {
                if (first < 0) {
                    first = i;
                }
                tied++;
            }
        }
        int each = left / tied;
        for (int i = 0; i < count; i++) {
            if (priority(view, i) == top) {
                share[i] += each;
            }
        }
        share[first] += left - each * tied;
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, 2 * a.length);
    }
}
