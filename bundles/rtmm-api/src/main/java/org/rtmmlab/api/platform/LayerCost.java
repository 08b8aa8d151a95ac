package org.rtmmlab.api.platform;

import org.rtmmlab.api.InvalidInputException;

/**
 * Cost of executing one layer (or of one switch) on an accelerator.
 *
 * @param latencyNs execution time in nanoseconds, &gt;= 0
 * @param energyPj  dynamic energy in picojoules, finite and &gt;= 0
 */
public record LayerCost(long latencyNs, double energyPj) {

    /** No time, no energy. */
    public static final LayerCost ZERO = new LayerCost(0, 0);

    /** Validates both values. */
    public LayerCost {
        if (latencyNs < 0) {
            throw new InvalidInputException("", "latencyNs", "must be >= 0, got " + latencyNs);
        }
        if (!(energyPj >= 0) || Double.isInfinite(energyPj)) {
            throw new InvalidInputException("", "energyPj", "must be finite and >= 0, got " + energyPj);
        }
    }
}
