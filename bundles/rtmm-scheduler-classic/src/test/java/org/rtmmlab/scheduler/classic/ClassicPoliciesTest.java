package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/** Properties every classic policy has, checked on many random views. */
class ClassicPoliciesTest {

    private static final List<SchedulerPolicy> POLICIES = List.of(new XrbenchGreedyPolicy(), new FcfsPolicy(),
            new EdfPolicy(), new RoundRobinPolicy(), new LsfPolicy());

    @Test
    void serviceLoaderFindsAllFivePolicies() {
        List<String> ids = new ArrayList<>();
        for (SchedulerPolicy p : ServiceLoader.load(SchedulerPolicy.class)) {
            ids.add(p.id());
        }
        assertTrue(ids.containsAll(List.of("xrbench-greedy", "fcfs", "edf", "rr", "lsf")), ids.toString());
    }

    @Test
    void randomViewsNeverGetInvalidDecisionsAndJobOrderingPoliciesAreWorkConserving() {
        SplittableRandom rnd = new SplittableRandom(20240601L);
        int dispatches = 0;
        for (int round = 0; round < 500; round++) {
            HandView v = randomView(rnd);
            for (SchedulerPolicy p : POLICIES) {
                String block = Integer.toString(rnd.nextInt(3));
                Scheduler s = p.create(v.context(Map.of("blockLayers", block)));
                HandDecisions d = new HandDecisions(v); // throws on busy accelerator / non-ready job
                s.decide(v, d);
                for (String decision : d.log()) { // classic policies never drop, restart, pick variants or wake up
                    assertTrue(decision.matches("\\d+@acc\\d+x\\d+"), p.id() + " decided " + decision);
                }
                dispatches += d.log().size();
                if (!(p instanceof XrbenchGreedyPolicy)) {
                    assertFalse(anyIdle(v, d) && anyReady(v, d), p.id() + " left work undone: " + d.log());
                }
            }
        }
        assertTrue(dispatches > 500, "only " + dispatches + " dispatches");
    }

    @Test
    void idsAndDescriptionsAreSet() {
        assertEquals(List.of("xrbench-greedy", "fcfs", "edf", "rr", "lsf"), POLICIES.stream().map(SchedulerPolicy::id).toList());
        for (SchedulerPolicy p : POLICIES) {
            assertFalse(p.description().isBlank());
        }
    }

    private static HandView randomView(SplittableRandom rnd) {
        int accs = 1 + rnd.nextInt(4);
        HandView v = view(accs);
        int models = 1 + rnd.nextInt(3);
        int[] tasks = new int[models];
        for (int m = 0; m < models; m++) {
            int layers = 1 + rnd.nextInt(5);
            long[][] lat = new long[layers][accs];
            for (long[] row : lat) {
                for (int a = 0; a < accs; a++) {
                    row[a] = 1 + rnd.nextInt(4);
                }
            }
            tasks[m] = v.task("T" + m, v.model("M" + (char) ('a' + rnd.nextInt(26)) + m, lat), PERIOD_NS);
        }
        boolean[] busy = new boolean[accs];
        for (int a = 0; a < accs; a++) {
            if (rnd.nextInt(3) == 0) {
                busy[a] = true;
                v.busy(a, 1);
            }
        }
        int jobs = rnd.nextInt(8);
        for (int j = 0; j < jobs; j++) {
            int t = tasks[rnd.nextInt(models)];
            HandView.Job job = v.job(100 + j, t).frame(rnd.nextInt(5)).arrival(rnd.nextInt(50))
                    .deadline(rnd.nextInt(50, 100));
            int layers = v.layerCount(v.jobCount() - 1);
            if (layers > 1 && rnd.nextBoolean()) {
                job.next(rnd.nextInt(1, layers)).ranOn(rnd.nextInt(accs), 0);
            }
            int r = rnd.nextInt(4);
            if (r == 0) {
                job.notReady();
            } else if (r == 1) {
                int a = rnd.nextInt(accs);
                if (busy[a]) {
                    job.running(a);
                }
            }
        }
        return v;
    }

    /** @return true if some accelerator is idle and got nothing in this call */
    private static boolean anyIdle(HandView v, HandDecisions d) {
        for (int a = 0; a < v.acceleratorCount(); a++) {
            String onA = "@" + v.accelerator(a).id() + "x";
            if (v.idle(a) && d.log().stream().noneMatch(decision -> decision.contains(onA))) {
                return true;
            }
        }
        return false;
    }

    /** @return true if some job is ready and was not dispatched in this call (job ids are unique) */
    private static boolean anyReady(HandView v, HandDecisions d) {
        for (int j = 0; j < v.jobCount(); j++) {
            String job = v.jobId(j) + "@";
            if (v.ready(j) && d.log().stream().noneMatch(decision -> decision.startsWith(job))) {
                return true;
            }
        }
        return false;
    }
}
