package org.rtmmlab.optimizer.rtmdl;

import java.util.Arrays;

/**
 * One execution strategy: per task (scenario order) a variant index (0 = full model) and a priority (higher = more
 * important, 1..number of tasks).
 *
 * @param variants   per task, variant index
 * @param priorities per task, priority &gt; 0
 */
public record Candidate(int[] variants, int[] priorities) {

    /** Copies the arrays. */
    public Candidate {
        variants = variants.clone();
        priorities = priorities.clone();
    }

    /** @return task {@code i}'s variant index */
    public int variant(int i) {
        return variants[i];
    }

    /** @return task {@code i}'s priority */
    public int priority(int i) {
        return priorities[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && Arrays.equals(variants, c.variants) && Arrays.equals(priorities, c.priorities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(variants) + Arrays.hashCode(priorities);
    }

    @Override
    public String toString() {
        return "variants " + Arrays.toString(variants) + " priorities " + Arrays.toString(priorities);
    }
}
