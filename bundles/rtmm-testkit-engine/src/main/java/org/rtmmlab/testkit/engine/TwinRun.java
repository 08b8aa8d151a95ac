package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * Checks that two schedulers of one policy decide alike at every decision point of a real engine run, e.g. a
 * scheduler with an incremental job order against the same scheduler rebuilding its order from the whole view at
 * every call. Per call both decide on the same view; their decisions (dispatch, drop, variant, restart, wake-up)
 * must be equal; the first one's decisions are then applied, which supports dispatches of whole-accelerator blocks
 * only (a share other than 1, or any other kind of decision, fails the run).
 * The run uses the plugins on the class path plus the checked policy.
 */
public final class TwinRun {

    /** What a twin run went through: scheduler calls, dispatched blocks, the largest job count a call saw. */
    public record Counts(int decisions, int dispatches, int maxJobs) {
    }

    private TwinRun() {
    }

    /**
     * @param policy     the policy (its id and property declarations configure the run)
     * @param checked    makes the scheduler under test from a context
     * @param reference  makes the scheduler it must agree with
     * @param scenario   scenario id
     * @param platform   platform id
     * @param durationNs simulated duration
     * @param properties the run's properties
     * @return what the run went through
     */
    public static Counts run(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
                             Function<SchedulerContext, Scheduler> reference, String scenario, String platform,
                             long durationNs, Map<String, String> properties) {
        Twins twins = new Twins(policy, checked, reference);
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(TwinRun.class.getClassLoader(), e -> { });
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, twins.id(), "", "test", "0", twins));
        new Evaluator(catalog).run(new RunConfig(scenario, platform, twins.id(), 1, durationNs, false, properties,
                List.of()), null, null);
        return new Counts(twins.decisions, twins.dispatches, twins.maxJobs);
    }

    /** The policy run twice per call. */
    private static final class Twins implements SchedulerPolicy {
        private final SchedulerPolicy policy;
        private final Function<SchedulerContext, Scheduler> checked;
        private final Function<SchedulerContext, Scheduler> reference;
        int decisions;
        int dispatches;
        int maxJobs;

        Twins(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
              Function<SchedulerContext, Scheduler> reference) {
            this.policy = policy;
            this.checked = checked;
            this.reference = reference;
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
            Scheduler a = checked.apply(context);
            Scheduler b = reference.apply(context);
            return (view, sink) -> {
                List<String> logA = new ArrayList<>();
                List<String> logB = new ArrayList<>();
                a.decide(view, logging(logA));
                b.decide(view, logging(logB));
                if (!logA.equals(logB)) {
                    assertEquals(logB, logA, "at " + view.now() + " ns with " + view.jobCount() + " jobs");
                }
                for (String d : logA) {
                    String[] f = d.split(" ");
                    sink.dispatch(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                }
                decisions++;
                maxJobs = Math.max(maxJobs, view.jobCount());
                dispatches += logA.size();
            };
        }

        private static Decisions logging(List<String> log) {
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
