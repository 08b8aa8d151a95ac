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
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * The job order kept across calls ({@link JobOrder}) gives the decisions of an order rebuilt from the whole view at
 * every call (a scan), at every decision point of real engine runs: under overload (AR_Assistant on two accelerators
 * for 5 s, a backlog of jobs that finish, arrive and wait on dependencies) and on a four-accelerator platform.
 */
class JobOrderEquivalenceTest {

    @ParameterizedTest
    @CsvSource({"edf,0", "edf,1", "fcfs,0", "fcfs,2", "lsf,1", "lsf,3", "rr,1", "rr,0"})
    void theIncrementalOrderDecidesAsARebuiltOne(String policy, int blockLayers) {
        for (String[] cell : new String[][] {{"xrbench/AR_Assistant", "xrbench/Dual_4K__WS_OS", "5", "6"},
                {"xrbench/VR_gaming", "xrbench/Quad_8K__WS_OS_WS_OS", "1", "2"}}) {
            Checked checked = new Checked(policy(policy));
            DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), e -> { });
            catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, checked.id(), "", "test", "0", checked));
            long durationNs = Long.parseLong(cell[2]) * 1_000_000_000L;
            new Evaluator(catalog).run(new RunConfig(cell[0], cell[1], checked.id(), 1, durationNs, false,
                    Map.of("blockLayers", Integer.toString(blockLayers)), List.of()), null, null);
            String what = policy + " on " + cell[1] + ": " + checked.decisions + " calls, " + checked.dispatches
                    + " blocks, up to " + checked.maxJobs + " jobs";
            assertTrue(checked.decisions >= 100 && checked.dispatches >= 100, what);
            assertTrue(checked.maxJobs >= Integer.parseInt(cell[3]), what);
        }
    }

    private static SchedulerPolicy policy(String id) {
        return switch (id) {
            case "edf" -> new EdfPolicy();
            case "fcfs" -> new FcfsPolicy();
            case "lsf" -> new LsfPolicy();
            default -> new RoundRobinPolicy();
        };
    }

    /** Runs the policy twice per call (kept order, rebuilt order), asserts equal decisions, applies the first's. */
    private static final class Checked implements SchedulerPolicy {
        private final SchedulerPolicy policy;
        int decisions;
        int dispatches;
        int maxJobs;

        Checked(SchedulerPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String id() {
            return "checked-" + policy.id();
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<PropertySpec> properties() {
            return policy.properties();
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            PriorityDispatchScheduler kept = (PriorityDispatchScheduler) policy.create(context);
            kept.alwaysKeptOrder(); // the small overload backlogs would otherwise take the scan
            PriorityDispatchScheduler rebuilt = (PriorityDispatchScheduler) policy.create(context);
            rebuilt.rebuildEveryCall();
            return (view, sink) -> {
                List<String> a = new ArrayList<>();
                List<String> b = new ArrayList<>();
                kept.decide(view, logging(view, a));
                rebuilt.decide(view, logging(view, b));
                if (!a.equals(b)) {
                    assertEquals(b, a, "at " + view.now() + " ns with " + view.jobCount() + " jobs");
                }
                for (String d : a) {
                    String[] f = d.split(" ");
                    sink.dispatch(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                }
                decisions++;
                maxJobs = Math.max(maxJobs, view.jobCount());
                dispatches += a.size();
            };
        }

        private static Decisions logging(SchedulerView view, List<String> log) {
            return new Decisions() {
                @Override
                public void dispatch(int job, int accelerator, int layers, double share) {
                    assertEquals(1.0, share);
                    log.add(job + " " + accelerator + " " + layers);
                }

                @Override
                public void drop(int job) {
                    log.add("drop " + job);
                }

                @Override
                public void selectVariant(int job, int variant) {
                    log.add("variant " + job);
                }

                @Override
                public void restart(int job) {
                    log.add("restart " + job);
                }

                @Override
                public void wakeAt(long timeNs) {
                    log.add("wake " + timeNs);
                }
            };
        }
    }
}
