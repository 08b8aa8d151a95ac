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
 * {@code simSecondsPerWallSecond} and {@code simSecondsPerWallSecondLayer}: one run of the heaviest scenario
 * ({@link Lab#HEAVY_SCENARIO} on {@link Lab#QUAD}) with {@code edf}, {@code simSeconds} simulated seconds, in the
 * default engine. Granularity {@code layer} is edf's default ({@code blockLayers=1}: one layer per dispatch);
 * {@code block} is {@code blockLayers=0} (the whole remaining job per dispatch). The evaluator (and its cost-table
 * cache) lives for the trial, so a measured run prices nothing. {@link BenchMain} turns seconds per run into simulated
 * seconds per wall second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    /** {@code block} or {@code layer}. */
    @Param({"block", "layer"})
    public String granularity;

    /** Simulated seconds per run. */
    @Param({"60"})
    public int simSeconds;

    private Evaluator evaluator;
    private Map<String, String> properties;

    /** Loads the plugins and warms the cost-table cache. */
    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(Lab.catalog());
        properties = Map.of("blockLayers", granularity.equals("block") ? "0" : "1");
        Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", 1_000_000_000L, properties);
    }

    /** One run; @return its result (consumed by JMH) */
    @Benchmark
    public RunResult run() {
        return Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", simSeconds * 1_000_000_000L, properties);
    }
}
