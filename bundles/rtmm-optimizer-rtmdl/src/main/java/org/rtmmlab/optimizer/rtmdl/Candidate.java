package org.rtmmlab.optimizer.rtmdl;

import java.util.Arrays;

/**
 * One execution strategy: per task (scenario order) the variant index it runs (0 = full model), the largest variant
 * kept on the device (the device keeps that level and every smaller one: RT-mDL's multi-level variants, K_i = K -
 * keptFrom_i levels) and a priority (higher = more important, 1..number of tasks).
 *
 * @param variants   per task, variant index it runs, &gt;= its keptFrom
 * @param priorities per task, priority &gt; 0
 * @param keptFrom   per task, index of the largest variant stored on the device
 */
public record Candidate(int[] variants, int[] priorities, int[] keptFrom) {

    /** Copies the arrays; a task must run one of the variants it keeps. */
    public Candidate {
        variants = variants.clone();
        priorities = priorities.clone();
        keptFrom = keptFrom.clone();
        for (int i = 0; i < variants.length; i++) {
            if (keptFrom[i] > variants[i]) {
                throw new IllegalArgumentException("task " + i + " runs variant " + variants[i]
                        + " but keeps only variants " + keptFrom[i] + " and smaller");
            }
        }
    }

    /** A strategy that keeps, per task, the variant it runs and the smaller ones. */
    public Candidate(int[] variants, int[] priorities) {
        this(variants, priorities, variants);
    }

    /** @return task {@code i}'s variant index */
    public int variant(int i) {
        return variants[i];
    }

    /** @return task {@code i}'s priority */
    public int priority(int i) {
        return priorities[i];
    }

    /** @return index of the largest variant task {@code i} keeps on the device */
    public int keptFrom(int i) {
        return keptFrom[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && Arrays.equals(variants, c.variants)
                && Arrays.equals(priorities, c.priorities) && Arrays.equals(keptFrom, c.keptFrom);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(variants) + Arrays.hashCode(priorities)) + Arrays.hashCode(keptFrom);
    }

    @Override
    public String toString() {
        return "variants " + Arrays.toString(variants) + " priorities " + Arrays.toString(priorities) + " kept from "
                + Arrays.toString(keptFrom);
    }
}
