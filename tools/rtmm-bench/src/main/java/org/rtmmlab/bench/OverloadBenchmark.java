package org.rtmmlab.bench;

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
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;

/**
 * {@code overloadSimSecondsPerWallSecond}: one run of {@link Lab#HEAVY_SCENARIO} on {@link Lab#DUAL} (more work
 * than two accelerators can do, so a backlog builds up) per scheduler, {@code simSeconds} simulated seconds, each
 * scheduler with its defaults. A scheduler whose cost grows with the backlog slows down here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OverloadBenchmark {

    /** Scheduler id. */
    @Param({"dream", "dream-nosupernet", "dream-notune", "dream-static", "edf", "edf-adaptive", "fcfs", "herald",
            "lsf", "planaria", "prema", "rr", "veltair", "xrbench-greedy"})
    public String scheduler;

    /** Simulated seconds per run. */
    @Param({"120"})
    public int simSeconds;

    private Evaluator evaluator;

    /** Loads the plugins and warms the cost-table cache. */
    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(Lab.catalog());
        Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.DUAL, scheduler, 1_000_000_000L, Map.of());
    }

    /** One run; @return its result (consumed by JMH) */
    @Benchmark
    public RunResult run() {
        return Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.DUAL, scheduler, simSeconds * 1_000_000_000L, Map.of());
    }
}
