package org.rtmmlab.testkit.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * A policy whose scheduler is made by a factory and whose decisions are applied by the engine as they are made, each
 * decision point written down as one line ({@code <now> ns, <jobs> jobs: dispatch 3@1x2/0.5 drop 4 variant 5=1
 * restart 6 wake 123}, in call order) and handed to a consumer; it forwards every {@link Scheduler} method
 * ({@code decide}, {@code observe}, {@code metrics}) and counts what the run went through. Used by
 * {@link RecordedTwinRun}, once per scheduler.
 */
final class RecordingPolicy implements SchedulerPolicy {

    /** Receives the line of each decision point. */
    interface Points {
        void point(int index, CharSequence line);
    }

    private final SchedulerPolicy policy;
    private final Function<SchedulerContext, Scheduler> factory;
    private final boolean variantsInAnyOrder;
    private final Points points;
    private int decisions;
    private int dispatches;
    private int shareDispatches;
    private int drops;
    private int selections;
    private int restarts;
    private int maxJobs;
    private int maxWaiting;
    private Map<String, Double> metrics = Map.of();

    RecordingPolicy(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> factory, boolean variantsInAnyOrder,
                    Points points) {
        this.policy = policy;
        this.factory = factory;
        this.variantsInAnyOrder = variantsInAnyOrder;
        this.points = points;
    }

    @Override
    public String id() {
        return "twin-" + policy.id();
    }

    @Override
    public String description() {
        return "recorded " + policy.id() + " (test)";
    }

    @Override
    public List<PropertySpec> properties() {
        return policy.properties();
    }

    @Override
    public Map<String, String> defaultProperties() {
        return policy.defaultProperties();
    }

    /** @return what the run went through so far */
    RecordedTwinRun.Counts counts() {
        return new RecordedTwinRun.Counts(decisions, dispatches, shareDispatches, drops, selections, restarts, maxJobs,
                maxWaiting);
    }

    /** @return the figures the scheduler last reported ({@link Scheduler#metrics()}), empty before */
    Map<String, Double> metrics() {
        return metrics;
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        Scheduler scheduler = factory.apply(context);
        StringBuilder line = new StringBuilder(256);
        List<String> variants = new ArrayList<>();
        return new Scheduler() {
            @Override
            public void decide(SchedulerView view, Decisions sink) {
                line.setLength(0);
                variants.clear();
                line.append(view.now()).append(" ns, ").append(view.jobCount()).append(" jobs:");
                int from = line.length();
                scheduler.decide(view, recording(line, variants, sink));
                if (!variants.isEmpty()) { // selections of one call as a set, in front of the other decisions
                    Collections.sort(variants);
                    line.insert(from, String.join("", variants));
                }
                int waiting = 0;
                for (int j = 0; j < view.jobCount(); j++) {
                    waiting += view.runningOn(j) < 0 ? 1 : 0;
                }
                maxJobs = Math.max(maxJobs, view.jobCount());
                maxWaiting = Math.max(maxWaiting, waiting);
                points.point(decisions++, line);
            }

            @Override
            public void observe(RequestRecord record) {
                scheduler.observe(record);
            }

            @Override
            public Map<String, Double> metrics() {
                metrics = scheduler.metrics();
                return metrics;
            }
        };
    }

    /** @return a sink that writes each decision into {@code line} (or {@code variants}) and passes it on */
    private Decisions recording(StringBuilder line, List<String> variants, Decisions sink) {
        return new Decisions() {
            @Override
            public void dispatch(int job, int accelerator, int layers, double share) {
                line.append(" dispatch ").append(job).append('@').append(accelerator).append('x').append(layers)
                        .append('/').append(share);
                dispatches++;
                shareDispatches += share != 1.0 ? 1 : 0;
                sink.dispatch(job, accelerator, layers, share);
            }

            @Override
            public void drop(int job) {
                line.append(" drop ").append(job);
                drops++;
                sink.drop(job);
            }

            @Override
            public void selectVariant(int job, int variant) {
                String d = " variant " + job + '=' + variant;
                if (variantsInAnyOrder) {
                    variants.add(d);
                } else {
                    line.append(d);
                }
                selections++;
                sink.selectVariant(job, variant);
            }

            @Override
            public void restart(int job) {
                line.append(" restart ").append(job);
                restarts++;
                sink.restart(job);
            }

            @Override
            public void wakeAt(long timeNs) {
                line.append(" wake ").append(timeNs);
                sink.wakeAt(timeNs);
            }
        };
    }
}
