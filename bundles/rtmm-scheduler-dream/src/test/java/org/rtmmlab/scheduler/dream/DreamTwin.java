package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * A DREAM policy whose schedulers are twins: at every call the scan ({@link ScanPass}, the job part as it was before
 * issue 15) decides first on a {@link VariantOverlayView} with its decisions only logged, then the scheduler the policy
 * runs ({@link IncrementalPass}) decides on the engine's view with its decisions applied; both logs (variant
 * selections, drops, dispatches, wake-ups, in order) must be equal. Both see every ended request; at the end their
 * metrics must be equal. The testkit's {@code TwinRun} applies dispatches only, DREAM also drops and selects variants.
 */
final class DreamTwin implements SchedulerPolicy {

    private final DreamPolicyBase policy;
    private final boolean tune;
    private final boolean supernet;
    int decisions;
    int dispatches;
    int drops;
    int variants;
    int maxJobs;
    int maxLive;

    DreamTwin(DreamPolicyBase policy, boolean tune, boolean supernet) {
        this.policy = policy;
        this.tune = tune;
        this.supernet = supernet;
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
        DreamSettings settings = DreamSettings.read(policy.id(), Map.of(), context.properties());
        DreamScheduler checked = new DreamScheduler(context, settings, tune, supernet);
        DreamScheduler reference = new DreamScheduler(context, settings, tune, supernet, new ScanPass(settings));
        VariantOverlayView overlay = new VariantOverlayView();
        return new Scheduler() {
            @Override
            public void decide(SchedulerView view, Decisions sink) {
                List<String> want = new ArrayList<>();
                List<String> got = new ArrayList<>();
                overlay.begin(view);
                reference.decide(overlay, logging(want, null, overlay));
                checked.decide(view, logging(got, sink, null));
                if (!got.equals(want)) {
                    assertEquals(want, got, "at " + view.now() + " ns with " + view.jobCount() + " jobs");
                }
                decisions++;
                maxJobs = Math.max(maxJobs, view.jobCount());
                int waiting = 0;
                for (int j = 0; j < view.jobCount(); j++) {
                    waiting += view.runningOn(j) < 0 ? 1 : 0;
                }
                maxLive = Math.max(maxLive, waiting);
                for (String d : got) {
                    dispatches += d.startsWith("dispatch") ? 1 : 0;
                    drops += d.startsWith("drop") ? 1 : 0;
                    variants += d.startsWith("variant") ? 1 : 0;
                }
            }

            @Override
            public void observe(RequestRecord record) {
                reference.observe(record);
                checked.observe(record);
            }

            @Override
            public Map<String, Double> metrics() {
                Map<String, Double> m = checked.metrics();
                assertEquals(reference.metrics(), m, "metrics");
                return m;
            }
        };
    }

    /** @return a sink that logs each decision and passes it on to {@code sink} (if any) or the overlay */
    private static Decisions logging(List<String> log, Decisions sink, VariantOverlayView overlay) {
        return new Decisions() {
            @Override
            public void dispatch(int job, int accelerator, int layers, double share) {
                log.add("dispatch " + job + " " + accelerator + " " + layers + " " + share);
                if (sink != null) {
                    sink.dispatch(job, accelerator, layers, share);
                }
            }

            @Override
            public void drop(int job) {
                log.add("drop " + job);
                if (sink != null) {
                    sink.drop(job);
                }
            }

            @Override
            public void selectVariant(int job, int variant) {
                log.add("variant " + job + " " + variant);
                if (sink != null) {
                    sink.selectVariant(job, variant);
                } else {
                    overlay.select(job, variant);
                }
            }

            @Override
            public void restart(int job) {
                log.add("restart " + job);
                if (sink != null) {
                    sink.restart(job);
                }
            }

            @Override
            public void wakeAt(long timeNs) {
                log.add("wake " + timeNs);
                if (sink != null) {
                    sink.wakeAt(timeNs);
                }
            }
        };
    }
}
