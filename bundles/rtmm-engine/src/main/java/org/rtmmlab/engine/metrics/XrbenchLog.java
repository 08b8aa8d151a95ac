package org.rtmmlab.engine.metrics;

import java.util.Arrays;

/**
 * The XRBench reference scorer fed in log (retirement/drop) order, reproducing its float32 arithmetic exactly:
 * per task a float32 sum of RT x EN in log order, UX = 1 - float(D)/float(N), overall score summed over tasks in the
 * order of their first log entry in float32, divided by the number of tasks present and multiplied by 100.
 * Requests never logged (the termination quirk) are simply never fed.
 */
public final class XrbenchLog {

    private final int[] order;
    private int present;
    private final boolean[] seen;
    private final float[] sumRtEn;
    private final int[] entries;
    private final int[] drops;
    private final double[] sumRt;
    private final double[] sumEn;
    private final int[] completed;

    /** @param tasks number of tasks in the scenario */
    public XrbenchLog(int tasks) {
        order = new int[tasks];
        seen = new boolean[tasks];
        sumRtEn = new float[tasks];
        entries = new int[tasks];
        drops = new int[tasks];
        sumRt = new double[tasks];
        sumEn = new double[tasks];
        completed = new int[tasks];
    }

    private void log(int task) {
        if (!seen[task]) {
            seen[task] = true;
            order[present++] = task;
        }
        entries[task]++;
    }

    /** Logs a completed inference (float32 ms times, float32 mJ energy as the C++ logger stores them). */
    public void completed(int task, float completionMs, float deadlineMs, float energyMj) {
        completed(task, completionMs, deadlineMs, energyMj, 1f);
    }

    /**
     * Logs a completed inference whose RT x EN is multiplied by {@code accuracy} (the optional accuracy factor of
     * docs/metrics.md; 1 leaves the reference arithmetic bit-exact, since {@code x * 1f == x}).
     */
    public void completed(int task, float completionMs, float deadlineMs, float energyMj, float accuracy) {
        log(task);
        float rt = XrbenchScore.realTimeF(completionMs, deadlineMs);
        float en = XrbenchScore.energyF(energyMj);
        sumRtEn[task] += rt * en * accuracy;
        sumRt[task] += rt;
        sumEn[task] += en;
        completed[task]++;
    }

    /** Logs a dropped request. */
    public void dropped(int task) {
        log(task);
        drops[task]++;
    }

    /** @return true if the task has at least one log entry */
    public boolean present(int task) {
        return seen[task];
    }

    /** @return UX (QoE) score 1 - D/N in float32, 0 when the task has no log entry */
    public float ux(int task) {
        if (entries[task] == 0) {
            return 0f;
        }
        float dropRate = (float) drops[task] / (float) entries[task];
        return 1f - dropRate;
    }

    /** @return model score (sum RT x EN) / N x UX in float32, 0 when the task has no log entry */
    public float score(int task) {
        if (entries[task] == 0) {
            return 0f;
        }
        return (sumRtEn[task] / (float) entries[task]) * ux(task);
    }

    /** @return mean RT over completed frames (double mean of float32 values), 0 if none */
    public double meanRealTime(int task) {
        return completed[task] == 0 ? 0 : sumRt[task] / completed[task];
    }

    /** @return mean EN over completed frames (double mean of float32 values), 0 if none */
    public double meanEnergy(int task) {
        return completed[task] == 0 ? 0 : sumEn[task] / completed[task];
    }

    /** @return overall score in [0, 100] (float32 arithmetic), 0 when nothing was logged */
    public float overall() {
        if (present == 0) {
            return 0f;
        }
        float overall = 0f;
        for (int i = 0; i < present; i++) {
            overall += score(order[i]);
        }
        overall /= (float) present;
        overall *= 100f;
        return overall;
    }

    /** @return task indices in order of their first log entry */
    public int[] firstLogOrder() {
        return Arrays.copyOf(order, present);
    }
}
