package org.rtmmlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;

/**
 * {@code costEvaluationsPerSecond}: {@code layerCost} calls per second of the {@code analytic} cost model, pricing
 * every layer of every model of {@link Lab#HEAVY_SCENARIO} on each accelerator of the analytic twin of {@link Lab#QUAD}
 * (whole accelerator). One benchmark operation prices them all; {@link BenchMain} divides by {@link #pricings()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostModelBenchmark {

    private AcceleratorModel analytic;
    private final List<Model> models = new ArrayList<>();
    private final List<Accelerator> accelerators = new ArrayList<>();

    /** Loads the model and the twin accelerators. */
    @Setup(Level.Trial)
    public void setUp() {
        analytic = Lab.catalog().acceleratorModel("analytic");
        Scenario scenario = Lab.catalog().scenario(Lab.HEAVY_SCENARIO);
        models.addAll(scenario.models());
        Lab.catalog().platform(Lab.QUAD).accelerators().forEach(a -> accelerators.add(AnalyticTwins.twin(a)));
    }

    /** Prices every (model, layer, accelerator) once. */
    @Benchmark
    public void priceAll(Blackhole bh) {
        for (Model m : models) {
            int layers = m.layers().size();
            for (Accelerator a : accelerators) {
                for (int l = 0; l < layers; l++) {
                    bh.consume(analytic.layerCost(m, 0, l, a));
                }
            }
        }
    }

    /** @return the layer pricings of one {@link #priceAll} */
    static long pricings() {
        Scenario scenario = Lab.catalog().scenario(Lab.HEAVY_SCENARIO);
        long n = 0;
        for (Model m : scenario.models()) {
            n += (long) m.layers().size() * Lab.catalog().platform(Lab.QUAD).accelerators().size();
        }
        return n;
    }
}
