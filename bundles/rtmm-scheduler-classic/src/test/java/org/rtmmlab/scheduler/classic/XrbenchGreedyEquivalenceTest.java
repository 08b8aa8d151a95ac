package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * {@link XrbenchGreedyScheduler} (per-task queues kept across calls) decides as {@link XrbenchGreedyScan} (the scan
 * of every job per pass it replaced) at every decision point of real engine runs, in and out of XRBench-compatibility
 * mode (where the engine drops late queued frames, so jobs leave from the middle of a task's queue): overload
 * (AR_Assistant on one and two accelerators), dependencies (AR_gaming) and the
 * reproduced cell (VR_gaming on Single_4K). TwinRun of rtmm-testkit-engine runs without compatibility mode, so the
 * twin is here.
 */
class XrbenchGreedyEquivalenceTest {

    @ParameterizedTest
    @CsvSource({"xrbench/AR_Assistant,xrbench/Dual_4K__WS_OS,5,false,6",
            "xrbench/AR_Assistant,xrbench/Dual_4K__WS_OS,5,true,2",
            "xrbench/AR_Assistant,xrbench/Single_4K__WS,3,false,5",
            "xrbench/AR_gaming,xrbench/Quad_8K__WS_OS_WS_OS,2,true,2",
            "xrbench/VR_gaming,xrbench/Single_4K__WS,1,true,2",
            "xrbench/VR_gaming,xrbench/Quad_8K__WS_OS_WS_OS,1,false,2"})
    void theKeptQueuesDecideAsTheScan(String scenario, String platform, int seconds, boolean compat, int minJobs) {
        Twins twins = new Twins();
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), e -> { });
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, twins.id(), "", "test", "0", twins));
        new Evaluator(catalog).run(new RunConfig(scenario, platform, twins.id(), 1, seconds * 1_000_000_000L, compat,
                Map.of(), List.of()), null, null);
        String what = scenario + " on " + platform + ": " + twins.decisions + " decisions, " + twins.dispatches
                + " dispatches, at most " + twins.maxJobs + " jobs";
        assertTrue(twins.decisions >= 50 && twins.dispatches >= 50, what);
        assertTrue(twins.maxJobs >= minJobs, what);
    }

    /** Both schedulers decide on each view; the kept one's dispatches are applied. */
    private static final class Twins implements SchedulerPolicy {
        int decisions;
        int dispatches;
        int maxJobs;

        @Override
        public String id() {
            return "twin-xrbench-greedy";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            Scheduler kept = new XrbenchGreedyScheduler();
            Scheduler scan = new XrbenchGreedyScan();
            return (view, sink) -> {
                List<int[]> a = new ArrayList<>();
                List<int[]> b = new ArrayList<>();
                kept.decide(view, recording(a));
                scan.decide(view, recording(b));
                assertEquals(text(b), text(a), "at " + view.now() + " ns with " + view.jobCount() + " jobs");
                for (int[] d : a) {
                    sink.dispatch(d[0], d[1], d[2]);
                }
                decisions++;
                dispatches += a.size();
                maxJobs = Math.max(maxJobs, view.jobCount());
            };
        }

        private static String text(List<int[]> ds) {
            StringBuilder s = new StringBuilder();
            for (int[] d : ds) {
                s.append(d[0]).append(' ').append(d[1]).append(' ').append(d[2]).append(';');
            }
            return s.toString();
        }

        private static Decisions recording(List<int[]> log) {
            return new Decisions() {
                @Override
                public void dispatch(int job, int accelerator, int layers, double share) {
                    assertEquals(1.0, share);
                    log.add(new int[] {job, accelerator, layers});
                }

                @Override
                public void drop(int job) {
                    throw new AssertionError("xrbench-greedy never drops");
                }

                @Override
                public void selectVariant(int job, int variant) {
                    throw new AssertionError("xrbench-greedy never selects a variant");
                }

                @Override
                public void restart(int job) {
                    throw new AssertionError("xrbench-greedy never restarts");
                }

                @Override
                public void wakeAt(long timeNs) {
                    throw new AssertionError("xrbench-greedy never asks to wake");
                }
            };
        }
    }
}
