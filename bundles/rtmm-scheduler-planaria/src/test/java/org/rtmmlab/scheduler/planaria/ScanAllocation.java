package org.rtmmlab.scheduler.planaria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Test reference: main's allocation before issue 15 (a scan of every job per re-allocation, option lists and
 * maps per call), kept unchanged (renamed); {@link ScanPlanariaScheduler} runs it.
 */
final class ScanAllocation {

    /** A grant: {@code units} of accelerator {@code accelerator}'s {@code partitions}. */
    record Grant(int accelerator, int units, int partitions, double score) {
        double share() {
            return units == partitions ? 1.0 : (double) units / partitions;
        }
    }

    private static final ScanAllocation NONE = new ScanAllocation(new int[0], new long[0], new Grant[0]);

    /** The granted jobs in view-index order (at most one per resource unit, so a handful): index, id, grant. */
    private final int[] jobs;
    private final long[] ids;
    private final Grant[] grants;

    private ScanAllocation(int[] jobs, long[] ids, Grant[] grants) {
        this.jobs = jobs;
        this.ids = ids;
        this.grants = grants;
    }

    /** An allocation granting nothing. */
    static ScanAllocation none() {
        return NONE;
    }

    /** @return how many jobs have a grant */
    int size() {
        return jobs.length;
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

    /** @return the {@code i}-th grant */
    Grant grant(int i) {
        return grants[i];
    }


    /** One job's view of the resources: its options, min-feasible one and score. */
    private record Need(int job, long slack, List<int[]> feasible, int[] fastest, double score) {
    }

    /**
     * Computes the allocation of the view's unfinished jobs at {@code view.now()}.
     *
     * @param order scratch space reused from one allocation to the next (its content is replaced)
     */
    static ScanAllocation compute(SchedulerView view, boolean shareSpare, ScanScoreOrder order) {
        int accs = view.acceleratorCount();
        int[] free = new int[accs];
        for (int a = 0; a < accs; a++) {
            free[a] = view.accelerator(a).partitions();
        }
        // feasible jobs by score; then infeasible ones by |score| = priority / fastest remaining time (Planaria
        // shares cores in proportion to |score| when tasks are infeasible; a whole accelerator cannot be shared, so
        // |score| becomes an order: the shortest infeasible job first, which lets started frames finish). Only a
        // prefix of that order can get resources (each grant takes at least one free unit), so the jobs come out
        // of a heap (ScanScoreOrder) as they are needed instead of sorting the whole backlog, and only those get their
        // option lists (need).
        order.fill(view);
        List<Need> needs = new ArrayList<>(); // the jobs taken from the order, in score order
        List<Need> waiting = new ArrayList<>();
        Map<Long, Grant> grants = new HashMap<>();
        while (order.hasFeasible() && anyFree(free)) {
            Need n = need(view, order.next());
            needs.add(n);
            int[] option = firstFree(n.feasible(), free);
            if (option == null) {
                waiting.add(n);
            } else {
                grant(view, grants, free, n, option);
            }
        }
        // what is left in the order would wait too: the infeasible jobs, and feasible ones once nothing is free
        boolean allFitted = waiting.isEmpty() && order.isEmpty();
        for (Need n : waiting) {
            int[] option = fastestFree(view, n.job(), free);
            if (option != null) {
                grant(view, grants, free, n, option);
            }
        }
        while (!order.isEmpty() && anyFree(free)) {
            Need n = need(view, order.next());
            needs.add(n);
            int[] option = fastestFree(view, n.job(), free);
            if (option != null) {
                grant(view, grants, free, n, option);
            }
        }
        if (shareSpare) {
            // all fit: every job is feasible and got a feasible option in the score-order pass (the official
            // check_if_tasks_all_fit: every task has a feasible core count and the minima fit together)
            boolean allFit = !needs.isEmpty() && allFitted;
            shareSpare(view, needs, grants, free, allFit);
        }
        if (grants.isEmpty()) {
            return NONE;
        }
        // the decision loop visits granted jobs in view-index order (as a scan of every job did) without a look-up
        // per job: the cost of a decision between re-allocations does not grow with the backlog
        int[] jobs = new int[grants.size()];
        int k = 0;
        for (Need n : needs) {
            if (grants.containsKey(view.jobId(n.job()))) {
                jobs[k++] = n.job();
            }
        }
        java.util.Arrays.sort(jobs);
        long[] ids = new long[jobs.length];
        Grant[] byJob = new Grant[jobs.length];
        for (int i = 0; i < jobs.length; i++) {
            ids[i] = view.jobId(jobs[i]);
            byJob[i] = grants.get(ids[i]);
        }
        return new ScanAllocation(jobs, ids, byJob);
    }

    private static boolean anyFree(int[] free) {
        for (int units : free) {
            if (units > 0) {
                return true;
            }
        }
        return false;
    }

    private static void grant(SchedulerView view, Map<Long, Grant> grants, int[] free, Need n, int[] option) {
        int a = option[0];
        free[a] -= option[1];
        grants.put(view.jobId(n.job()), new Grant(a, option[1], view.accelerator(a).partitions(), n.score()));
    }

    /** @return job {@code j}'s score as computed with its option lists ({@link ScanScoreOrder} computes it without) */
    static double needScore(SchedulerView view, int j) {
        return need(view, j).score();
    }

    private static Need need(SchedulerView view, int j) {
        long slack = view.deadlineNs(j) - view.now();
        List<int[]> feasible = new ArrayList<>();
        int[] fastest = null;
        long fastestNs = Long.MAX_VALUE;
        for (int a = 0; a < view.acceleratorCount(); a++) {
            int parts = view.accelerator(a).partitions();
            for (int k = 1; k <= parts; k++) {
                long ns = remainingNs(view, j, a, k);
                if (ns <= slack) {
                    feasible.add(new int[] {a, k});
                }
                if (k == parts && ns < fastestNs) {
                    fastestNs = ns;
                    fastest = new int[] {a, k};
                }
            }
        }
        feasible.sort(Comparator.comparingDouble((int[] o) -> pes(view, o))
                .thenComparingLong(o -> remainingNs(view, j, o[0], o[1]))
                .thenComparingInt(o -> o[0]));
        double priority = view.jobPriority(j);
        double score = feasible.isEmpty() ? -priority / Math.max(1, fastestNs)
                : priority / ((double) Math.max(1, slack) * pes(view, feasible.get(0)));
        return new Need(j, slack, feasible, fastest, score);
    }

    /** @return remaining time of job {@code j} on {@code k} of accelerator {@code a}'s partitions, ns */
    static long remainingNs(SchedulerView view, int j, int a, int k) {
        long whole = view.remainingLatencyNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j), a);
        int parts = view.accelerator(a).partitions();
        return k == parts ? whole : (long) Math.ceil(whole * (double) parts / k);
    }

    private static double pes(SchedulerView view, int[] option) {
        return (double) view.accelerator(option[0]).peCount() * option[1] / view.accelerator(option[0]).partitions();
    }

    private static int[] firstFree(List<int[]> options, int[] free) {
        for (int[] o : options) {
            if (free[o[0]] >= o[1]) {
                return o;
            }
        }
        return null;
    }

    /** @return the free option (any size that fits) with the shortest remaining time, or null */
    private static int[] fastestFree(SchedulerView view, int j, int[] free) {
        int[] best = null;
        long bestNs = Long.MAX_VALUE;
        for (int a = 0; a < free.length; a++) {
            if (free[a] > 0) {
                long ns = remainingNs(view, j, a, free[a]);
                if (ns < bestNs) {
                    bestNs = ns;
                    best = new int[] {a, free[a]};
                }
            }
        }
        if (best != null) {
            best = smallestAsFast(view, j, best[0], bestNs, free);
        }
        return best;
    }

    /** @return the fewest units of {@code a} that still give the fastest time found ({@code bestNs}) */
    private static int[] smallestAsFast(SchedulerView view, int j, int a, long bestNs, int[] free) {
        for (int k = 1; k <= free[a]; k++) {
            if (remainingNs(view, j, a, k) <= bestNs) {
                return new int[] {a, k};
            }
        }
        return new int[] {a, free[a]};
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
    private static void shareSpare(SchedulerView view, List<Need> byScore, Map<Long, Grant> grants, int[] free,
                                   boolean allFit) {
        for (int a = 0; a < free.length; a++) {
            int spare = free[a];
            if (spare == 0) {
                continue;
            }
            List<Need> on = new ArrayList<>();
            for (Need n : byScore) {
                Grant g = grants.get(view.jobId(n.job()));
                if (g != null && g.accelerator() == a) {
                    on.add(n);
                }
            }
            if (on.isEmpty()) {
                continue;
            }
            int[] base = new int[on.size()];
            int[] units = new int[on.size()];
            double[] weight = new double[on.size()];
            double total = 0;
            for (int i = 0; i < on.size(); i++) {
                Need n = on.get(i);
                base[i] = grants.get(view.jobId(n.job())).units();
                units[i] = base[i];
                weight[i] = spareWeight(view, n, a, base[i], allFit);
                total += weight[i];
            }
            int given = 0;
            for (int i = 0; i < on.size(); i++) {
                int extra = total == 0 ? 0 : (int) Math.rint(weight[i] / total * spare);
                units[i] += extra;
                given += extra;
            }
            given -= shave(view, on, base, units, given - spare);
            if (given < spare) {
                giveLeftovers(view, on, units, spare - given);
            }
            for (int i = 0; i < on.size(); i++) {
                long id = view.jobId(on.get(i).job());
                Grant g = grants.get(id);
                grants.put(id, new Grant(a, units[i], g.partitions(), g.score()));
            }
            free[a] = 0;
        }
    }

    /** @return job {@code n}'s weight in the sharing of accelerator {@code a}'s spare units */
    private static double spareWeight(SchedulerView view, Need n, int a, int units, boolean allFit) {
        if (!allFit) {
            return Math.max(0, n.score());
        }
        long remaining = remainingNs(view, n.job(), a, units);
        return remaining == 0 ? 0 : view.jobPriority(n.job()) / (double) remaining;
    }

    /**
     * Takes back {@code over} units (if positive), one at a time, from the lowest-priority grantees above their
     * minimum grant (ties: later in score order first). @return the units taken back
     */
    private static int shave(SchedulerView view, List<Need> on, int[] base, int[] units, int over) {
        List<Integer> order = new ArrayList<>();
        for (int i = on.size() - 1; i >= 0; i--) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> view.jobPriority(on.get(i).job()))); // stable: ties keep the order
        int taken = 0;
        boolean progress = true;
        while (taken < over && progress) {
            progress = false;
            for (int i : order) {
                if (taken < over && units[i] > base[i]) {
                    units[i]--;
                    taken++;
                    progress = true;
                }
            }
        }
        return taken;
    }

    /** Splits {@code left} units evenly among the highest-priority grantees, the remainder to the first of them. */
    private static void giveLeftovers(SchedulerView view, List<Need> on, int[] units, int left) {
        int top = Integer.MIN_VALUE;
        for (Need n : on) {
            top = Math.max(top, view.jobPriority(n.job()));
        }
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            if (view.jobPriority(on.get(i).job()) == top) {
                tied.add(i);
            }
        }
        int each = left / tied.size();
        for (int i : tied) {
            units[i] += each;
        }
        units[tied.get(0)] += left - each * tied.size();
    }
}
