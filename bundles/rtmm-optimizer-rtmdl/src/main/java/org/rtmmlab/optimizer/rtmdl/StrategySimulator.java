package org.rtmmlab.optimizer.rtmdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.engine.Evaluator;

/**
 * Runs a strategy through the real engine with the {@code rtmdl} scheduler (the strategy written to a scratch file
 * and passed as {@code strategy}) and returns each task's miss rate ({@link org.rtmmlab.api.run.FrameCounts#missRate()}:
 * late + dropped over the frames that ended).
 */
public final class StrategySimulator implements MissRateOracle {

    private final Evaluator evaluator;
    private final StrategySpace space;
    private final GpuProfile profile;
    private final String scenario;
    private final String platform;
    private final long seed;
    private final long durationNs;
    private final Path scratch;

    /**
     * @param evaluator  the engine
     * @param space      the tasks
     * @param profile    the tasks' GPU utilisation written into each strategy (null: the scheduler's default)
     * @param scenario   scenario id or file
     * @param platform   platform id or file
     * @param seed       run seed
     * @param durationNs simulated time, 0 = the scenario's
     * @param scratch    folder for the scratch strategy file (exists)
     */
    public StrategySimulator(Evaluator evaluator, StrategySpace space, GpuProfile profile, String scenario,
                             String platform, long seed, long durationNs, Path scratch) {
        this.evaluator = evaluator;
        this.space = space;
        this.profile = profile;
        this.scenario = scenario;
        this.platform = platform;
        this.seed = seed;
        this.durationNs = durationNs;
        this.scratch = scratch;
    }

    @Override
    public double[] missRates(Candidate c) {
        return missRates(run(c));
    }

    /** @return the run of the strategy */
    public RunResult run(Candidate c) {
        Path file = scratch.resolve("candidate-strategy.json");
        try {
            Files.writeString(file, StrategyFile.json(space, profile, c, null), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return evaluator.run(new RunConfig(scenario, platform, "rtmdl", seed, durationNs, false,
                Map.of("strategy", file.toString()), List.of()), null, w -> { });
    }

    /** @return per task (space order), the miss rate in {@code r} */
    public double[] missRates(RunResult r) {
        double[] out = new double[space.size()];
        for (int i = 0; i < space.size(); i++) {
            String id = space.tasks().get(i);
            TaskResult t = r.perTask().stream().filter(x -> x.task().equals(id)).findFirst().orElseThrow();
            out[i] = t.frames().missRate();
        }
        return out;
    }
}
