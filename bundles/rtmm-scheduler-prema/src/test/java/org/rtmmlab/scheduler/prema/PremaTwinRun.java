package org.rtmmlab.scheduler.prema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RequestRecord;
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
 * A real engine run in which two schedulers decide on the same view at every decision point and must agree; the
 * first one's decisions are then applied, restarts (PREMA's kill) included, and both hear every ended request
 * ({@code observe}). The testkit's {@code TwinRun} applies dispatches only. Decisions are compared in order (variant
 * selections, which PREMA does not make, would be compared as a set).
 */
final class PremaTwinRun {

    /** What a twin run went through. */
    record Counts(int decisions, int dispatches, int restarts, int maxJobs) {
    }

    private PremaTwinRun() {
    }

    static Counts run(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
                      Function<SchedulerContext, Scheduler> reference, String scenario, String platform,
                      long durationNs, boolean compat, Map<String, String> properties, RtmmPlugin... extra) {
        Twins twins = new Twins(policy, checked, reference);
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(PremaTwinRun.class.getClassLoader(), e -> { });
        for (RtmmPlugin p : extra) {
            catalog.add(new PluginDescriptor(PluginKind.ACCELERATOR_MODEL, p.id(), "", "test", "0", p));
        }
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, twins.id(), "", "test", "0", twins));
        new Evaluator(catalog).run(new RunConfig(scenario, platform, twins.id(), 1, durationNs, compat, properties,
                List.of()), null, null);
        return new Counts(twins.decisions, twins.dispatches, twins.restarts, twins.maxJobs);
    }

    private static final class Twins implements SchedulerPolicy {
        private final SchedulerPolicy policy;
        private final Function<SchedulerContext, Scheduler> checked;
        private final Function<SchedulerContext, Scheduler> reference;
        int decisions;
        int dispatches;
        int selections;
        int restarts;
        int maxJobs;

        Twins(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
              Function<SchedulerContext, Scheduler> reference) {
            this.policy = policy;
            this.checked = checked;
            this.reference = reference;
        }

        @Override
        public String id() {
            return "twin-" + policy.id();
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
            return new Scheduler() {
                @Override
                public void decide(SchedulerView view, Decisions sink) {
                    List<String> logA = new ArrayList<>();
                    List<String> logB = new ArrayList<>();
                    a.decide(view, logging(logA));
                    b.decide(view, logging(logB));
                    assertEquals(normal(logB), normal(logA), "at " + view.now() + " ns with " + view.jobCount()
                            + " jobs");
                    for (String d : logA) {
                        String[] f = d.split(" ");
                        int job = Integer.parseInt(f[1]);
                        switch (f[0]) {
                            case "dispatch" -> {
                                sink.dispatch(job, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                                dispatches++;
                            }
                            case "variant" -> {
                                sink.selectVariant(job, Integer.parseInt(f[2]));
                                selections++;
                            }
                            case "restart" -> {
                                sink.restart(job);
                                restarts++;
                            }
                            default -> throw new AssertionError("unexpected decision " + d);
                        }
                    }
                    decisions++;
                    maxJobs = Math.max(maxJobs, view.jobCount());
                }

                @Override
                public void observe(RequestRecord record) {
                    a.observe(record);
                    b.observe(record);
                }
            };
        }

        /** @return the log with the variant selections sorted, in front; the other decisions in order after them */
        private static List<String> normal(List<String> log) {
            List<String> variants = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String d : log) {
                (d.startsWith("variant ") ? variants : rest).add(d);
            }
            Collections.sort(variants);
            variants.addAll(rest);
            return variants;
        }

        private static Decisions logging(List<String> log) {
            return new Decisions() {
                @Override
                public void dispatch(int job, int accelerator, int layers, double share) {
                    assertEquals(1.0, share);
                    log.add("dispatch " + job + " " + accelerator + " " + layers);
                }

                @Override
                public void drop(int job) {
                    log.add("drop " + job);
                }

                @Override
                public void selectVariant(int job, int variant) {
                    log.add("variant " + job + " " + variant);
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
