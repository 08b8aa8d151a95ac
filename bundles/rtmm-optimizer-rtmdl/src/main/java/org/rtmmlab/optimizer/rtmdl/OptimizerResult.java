package org.rtmmlab.optimizer.rtmdl;

import com.google.gson.JsonObject;

/**
 * What the optimiser found, verified by simulation.
 *
 * @param space           the tasks, tolerances and storage bound
 * @param settings        the search's sizes
 * @param chosen          the chosen strategy
 * @param predicted       per task, its miss rate as the proxy predicts it
 * @param simulated       per task, its miss rate in the verifying simulation
 * @param meetsTolerances whether the simulated miss rate of every task is at most its zeta
 * @param verified        how many proxy-feasible strategies were simulated to pick {@code chosen}
 * @param proxyMae        mean absolute error of the proxy's per-task miss rates on the held-out strategies
 * @param fullSizeMiss    per task, the simulated miss rate of the full models at the scenario's priorities
 */
public record OptimizerResult(StrategySpace space, OptimizerSettings settings, Candidate chosen, double[] predicted,
                              double[] simulated, boolean meetsTolerances, int verified, double proxyMae,
                              double[] fullSizeMiss) {

    /** @return the summed relative accuracy loss of the chosen strategy */
    public double loss() {
        return space.lossOf(chosen);
    }

    /** @return weight bytes of every variant the chosen strategy keeps on the device */
    public long storageBytes() {
        return space.storageOf(chosen);
    }

    /**
     * @param scenario scenario id or file
     * @param platform platform id or file
     * @return the metadata written under the strategy file's {@code notes} (no wall times: the file is
     *         deterministic)
     */
    public JsonObject notes(String scenario, String platform) {
        JsonObject o = new JsonObject();
        o.addProperty("generator", "rtmm optimize rtmdl (NSGA-II, MOEA Framework 4.5; random-forest proxy, Tribuo 4.3.2)");
        o.addProperty("scenario", scenario);
        o.addProperty("platform", platform);
        o.addProperty("seed", settings.seed());
        o.addProperty("samples", settings.samples());
        o.addProperty("holdout", settings.holdout());
        o.addProperty("population", settings.population());
        o.addProperty("evaluations", settings.evaluations());
        o.addProperty("proxyHeldOutMae", round(proxyMae));
        o.addProperty("storageBytes", storageBytes());
        o.addProperty("storageBoundBytes", space.boundBytes());
        o.addProperty("accuracyLoss", round(loss()));
        o.addProperty("meetsTolerances", meetsTolerances);
        o.addProperty("verifiedCandidates", verified);
        JsonObject tasks = new JsonObject();
        for (int i = 0; i < space.size(); i++) {
            JsonObject t = new JsonObject();
            t.addProperty("zeta", space.zeta()[i]);
            t.addProperty("missPredicted", round(predicted[i]));
            t.addProperty("missSimulated", round(simulated[i]));
            t.addProperty("missFullSize", round(fullSizeMiss[i]));
            t.addProperty("relativeAccuracy", space.accuracy()[i][chosen.variant(i)]);
            t.addProperty("variantWeightBytes", space.bytes()[i][chosen.variant(i)]);
            t.addProperty("keptWeightBytes", space.keptBytes()[i][chosen.keptFrom(i)]);
            tasks.add(space.tasks().get(i), t);
        }
        o.add("perTask", tasks);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
