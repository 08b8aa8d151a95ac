package org.rtmmlab.optimizer.rtmdl;

import org.rtmmlab.api.InvalidInputException;

/**
 * Sizes of the search.
 *
 * @param seed        seed of the sample, the forest and NSGA-II (and of every simulated run)
 * @param samples     simulated strategies the proxy is trained on
 * @param holdout     further simulated strategies its error is measured on (not trained on)
 * @param population  NSGA-II population size
 * @param evaluations NSGA-II proxy evaluations
 * @param verify      at most this many of the best proxy-feasible strategies are simulated to pick the result
 * @param durationNs  simulated time per run, 0 = the scenario's
 */
public record OptimizerSettings(long seed, int samples, int holdout, int population, int evaluations, int verify,
                                long durationNs) {

    /** Checks the sizes (errors name the command-line option). */
    public OptimizerSettings {
        positive("--samples", samples, 2);
        positive("--holdout", holdout, 1);
        positive("--population", population, 4);
        positive("--evaluations", evaluations, population);
        positive("--verify", verify, 1);
        if (durationNs < 0) {
            throw new InvalidInputException("--duration", "", "must be >= 0, got " + durationNs + " ns");
        }
    }

    private static void positive(String option, int value, int min) {
        if (value < min) {
            throw new InvalidInputException(option, "", "must be >= " + min + ", got " + value);
        }
    }
}
