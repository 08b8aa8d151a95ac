package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * Checks that two schedulers of one policy (e.g. one with incremental state against a scan of the whole view) make
 * the same decisions at every decision point of a real engine run, for any kind of decision: the run is made once with
 * each scheduler, its decisions applied by the engine as they are made (shares, restarts, variant selections,
 * wake-ups and drops all take effect, and a scheduler reads the view after its own decisions of the call), every
 * {@link Scheduler} method forwarded ({@code decide}, {@code observe}, {@code metrics}). The reference's run is
 * written down as one line per decision point (time, job count, its decisions in order); the checked run is compared
 * with it as it goes, and the first decision point that differs fails the test with both lines and its index (the
 * runs being deterministic, equal decisions mean equal views at the next point). A run that ends with fewer or more
 * decision points, or other scheduler metrics at the end, fails too. Unlike {@link TwinRun} (lockstep: both decide on
 * one view, whole-accelerator dispatches only) it fits every policy.
 *
 * <p>Immutable: each {@code with}-method returns a changed copy; {@link #run()} runs the two runs.
 *
 * <pre>{@code
 * RecordedTwinRun.Counts c = RecordedTwinRun.of(policy, policy::create, MyScan::new, "xrbench/AR_Assistant",
 *         "xrbench/Dual_4K__WS_OS", 5_000_000_000L).withProperties(Map.of("blockLayers", "2")).run();
 * assertTrue(c.maxJobs() >= 100, "backlog " + c);
 * }</pre>
 *
 * @since 1.2
 */
public final class RecordedTwinRun {

    /**
     * What the checked run went through (the reference's is the same when the check passes).
     *
     * @param decisions       decision points (scheduler calls)
     * @param dispatches      dispatched blocks
     * @param shareDispatches dispatched blocks on a share other than 1
     * @param drops           drops
     * @param selections      variant selections
     * @param restarts        restarts
     * @param maxJobs         the largest job count a call saw
     * @param maxWaiting      the largest number of jobs a call saw not running
     */
    public record Counts(int decisions, int dispatches, int shareDispatches, int drops, int selections, int restarts,
                        int maxJobs, int maxWaiting) {
    }

    private final SchedulerPolicy policy;
    private final Function<SchedulerContext, Scheduler> checked;
    private final Function<SchedulerContext, Scheduler> reference;
    private final RunConfig config;
    private final Supplier<DefaultPluginCatalog> catalog;
    private final List<PluginDescriptor> plugins;
    private final boolean variantsInAnyOrder;

    private RecordedTwinRun(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
                            Function<SchedulerContext, Scheduler> reference, RunConfig config,
                            Supplier<DefaultPluginCatalog> catalog, List<PluginDescriptor> plugins,
                            boolean variantsInAnyOrder) {
        this.policy = policy;
        this.checked = checked;
        this.reference = reference;
        this.config = config;
        this.catalog = catalog;
        this.plugins = List.copyOf(plugins);
        this.variantsInAnyOrder = variantsInAnyOrder;
    }

    /**
     * A twin run with seed 1, default engine mode, no properties, and the plugins found by {@code ServiceLoader} on
     * the test class path.
     *
     * @param policy     the policy (its id and property declarations configure the runs)
     * @param checked    makes the scheduler under test from a context
     * @param reference  makes the scheduler it must agree with
     * @param scenario   scenario id or file
     * @param platform   platform id or file
     * @param durationNs simulated duration
     * @return the twin run (not run yet)
     */
    public static RecordedTwinRun of(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> checked,
                                     Function<SchedulerContext, Scheduler> reference, String scenario,
                                     String platform, long durationNs) {
        return new RecordedTwinRun(policy, checked, reference, new RunConfig(scenario, platform,
                "twin-" + policy.id(), 1, durationNs, false, Map.of(), List.of()),
                () -> ServiceLoaderCatalog.load(RecordedTwinRun.class.getClassLoader(), e -> { }), List.of(), false);
    }

    /** @return this twin run with the run properties {@code properties} (as with {@code --set key=value}) */
    public RecordedTwinRun withProperties(Map<String, String> properties) {
        return with(new RunConfig(config.scenario(), config.platform(), config.scheduler(), config.seed(),
                config.durationNs(), config.xrbenchCompat(), properties, List.of()));
    }

    /** @return this twin run with root seed {@code seed} */
    public RecordedTwinRun withSeed(long seed) {
        return with(new RunConfig(config.scenario(), config.platform(), config.scheduler(), seed, config.durationNs(),
                config.xrbenchCompat(), config.properties(), List.of()));
    }

    /** @return this twin run in XRBench compatibility mode or not */
    public RecordedTwinRun withXrbenchCompat(boolean on) {
        return with(config.withXrbenchCompat(on));
    }

    /**
     * @param catalogs makes the catalog of one run (called once per run), instead of the {@code ServiceLoader} one
     * @return this twin run with those catalogs
     */
    public RecordedTwinRun withCatalog(Supplier<DefaultPluginCatalog> catalogs) {
        return new RecordedTwinRun(policy, checked, reference, config, catalogs, plugins, variantsInAnyOrder);
    }

    /**
     * @return this twin run with {@code plugin} (a scenario provider, cost model, reporter...) added to each run's
     *         catalog after the catalog's own plugins, so it wins look-ups of its id; the same instance serves both
     *         runs
     */
    public RecordedTwinRun withPlugin(RtmmPlugin plugin) {
        List<PluginDescriptor> more = new ArrayList<>(plugins);
        more.add(new PluginDescriptor(PluginKind.of(plugin), plugin.id(), plugin.description(), "test", "0", plugin));
        return new RecordedTwinRun(policy, checked, reference, config, catalog, more, variantsInAnyOrder);
    }

    /**
     * @return this twin run comparing the variant selections of one decision point as a set (for schedulers that
     *         make independent selections in different orders); the other decisions stay compared in order
     */
    public RecordedTwinRun withVariantsInAnyOrder() {
        return new RecordedTwinRun(policy, checked, reference, config, catalog, plugins, true);
    }

    private RecordedTwinRun with(RunConfig c) {
        return new RecordedTwinRun(policy, checked, reference, c, catalog, plugins, variantsInAnyOrder);
    }

    /**
     * Runs the reference, then the checked scheduler, comparing decision point by decision point.
     *
     * @return what the checked run went through
     * @throws AssertionFailedError at the first decision point that differs (expected: the reference's line), or
     *                              when the runs' decision point counts or final scheduler metrics differ
     */
    public Counts run() {
        DecisionLog log = new DecisionLog();
        RecordingPolicy ref = new RecordingPolicy(policy, reference, variantsInAnyOrder, (i, line) -> log.add(line));
        run(ref);
        AssertionFailedError[] diverged = new AssertionFailedError[1];
        RecordingPolicy got = new RecordingPolicy(policy, checked, variantsInAnyOrder, (i, line) -> {
            if (i >= log.size() || !log.matches(i, line)) {
                String want = i < log.size() ? log.line(i) : "(the reference's run ended after " + log.size()
                        + " decision points)";
                diverged[0] = new AssertionFailedError(where(i) + " differs ==> expected: <" + want + "> but was: <"
                        + line + ">", want, line.toString());
                throw diverged[0]; // an Error: the engine passes it on and the run stops here
            }
        });
        try {
            run(got);
        } catch (RuntimeException | Error e) {
            if (diverged[0] != null) {
                throw diverged[0];
            }
            throw e;
        }
        int points = got.counts().decisions();
        if (points < log.size()) {
            assertEquals(log.line(points), "(the checked run ended after " + points + " decision points)",
                    where(points) + " differs");
        }
        assertEquals(ref.metrics(), got.metrics(), "scheduler metrics at the end of " + config);
        return got.counts();
    }

    private String where(int point) {
        return config.scenario() + " on " + config.platform() + " " + config.properties() + (config.xrbenchCompat()
                ? " (XRBench compatibility mode)" : "") + ", seed " + config.seed() + ": decision point " + point;
    }

    private void run(RecordingPolicy recording) {
        DefaultPluginCatalog c = catalog.get();
        for (PluginDescriptor p : plugins) {
            c.add(p);
        }
        c.add(new PluginDescriptor(PluginKind.SCHEDULER, recording.id(), "", "test", "0", recording));
        new Evaluator(c).run(config, null, null);
    }
}
