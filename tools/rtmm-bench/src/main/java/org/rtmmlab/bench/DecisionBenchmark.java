package org.rtmmlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.bench.CountingDecisions;
import org.rtmmlab.engine.bench.SnapshotContext;
import org.rtmmlab.engine.bench.SnapshotView;
import org.rtmmlab.engine.sim.CostTables;

/**
 * {@code dispatchesPerSecond}: {@code decide()} calls per second of one scheduler on a fixed state of N ready jobs
 * (those of {@code xrbench/VR_gaming}, spread over its tasks) and 4 idle accelerators ({@link Lab#QUAD}); see
 * {@link SnapshotView}. The decisions are counted, not applied, so every call sees the same jobs (the clock moves on
 * by 1 ns per call). The scheduler ids default to every shipped one; {@link BenchMain} passes the installed ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

    /** Scheduler id. */
    @Param({"dream", "dream-nosupernet", "dream-notune", "dream-static", "edf", "edf-adaptive", "fcfs", "herald",
            "lsf", "planaria", "prema", "rr", "veltair", "xrbench-greedy"})
    public String scheduler;

    /** Ready jobs in the snapshot. */
    @Param({"16", "256", "4096"})
    public int jobs;

    private Scheduler policy;
    private SnapshotView view;
    private final CountingDecisions decisions = new CountingDecisions();

    /** Builds the snapshot and the scheduler once per trial (fork). */
    @Setup(Level.Trial)
    public void setUp() {
        Evaluator evaluator = new Evaluator(Lab.catalog());
        Scenario scenario = evaluator.scenario("xrbench/VR_gaming");
        Platform platform = evaluator.platform(Lab.QUAD);
        List<AcceleratorModel> models = new ArrayList<>();
        platform.accelerators().forEach(a -> models.add(Lab.catalog().acceleratorModel(a.costModel())));
        CostTables costs = new CostTables(platform, scenario.models(), models);
        policy = Lab.catalog().scheduler(scheduler)
                .create(new SnapshotContext(scenario, platform, costs, Map.of()));
        view = new SnapshotView(scenario, costs, jobs);
    }

    /** One decision; @return the dispatch count so far (keeps the call from being optimised away) */
    @Benchmark
    public long decide() {
        policy.decide(view, decisions);
        view.advance();
        return decisions.dispatches();
    }
}
