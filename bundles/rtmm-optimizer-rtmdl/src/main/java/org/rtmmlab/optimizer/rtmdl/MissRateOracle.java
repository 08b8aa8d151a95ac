package org.rtmmlab.optimizer.rtmdl;

/** The ground truth the optimiser learns from and verifies with: per task, a strategy's miss rate. */
@FunctionalInterface
public interface MissRateOracle {

    /** @return per task (space order), the miss rate of {@code c} */
    double[] missRates(Candidate c);
}
