package org.rtmmlab.scheduler.dream;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * DREAM's score of running job {@code j}'s next block on accelerator {@code a}: the MapScore of the public SDRM3 port
 * (SamsungLabs/Sparse-Multi-DNN-Scheduling, the SDRM3 baseline of its MICRO 2023 artifact) extended to pairs.
 * <pre>
 *   score(j, a) = urgency(j) + alpha x fairness(j, a) - beta x extraEnergy(j, a) - movePenalty x moved(j, a)
 *   urgency(j)      = min(1, R(j) / (deadline - now))           (port; R = remaining latency, here on the best
 *                                                                 accelerator; negative once the deadline passed)
 *   fairness(j, a)  = (now - last run end) / latency of j's next layer on a        (port, latency on the candidate)
 *   extraEnergy(j, a) = E(block on a) / min over accelerators E(block) - 1          (reconstructed, 0 on the cheapest)
 *   moved(j, a)     = 1 if j already ran and a is not the accelerator it last ran on (reconstructed)
 *   late(j, a)      = 1 if j can meet its deadline on its best accelerator but not with all its remaining layers on a
 *                     (reconstructed: keeps the energy preference from sending a frame where it will be late)
 * </pre>
 * and {@code - latePenalty x late(j, a)} is subtracted too.
 * Urgency uses the remaining latency on the job's best accelerator, not the candidate's: with the candidate's, a
 * slower accelerator would make a job look more urgent and attract the urgent jobs (on one accelerator both are the
 * port's formula). Stateless; pure functions of the view.
 */
final class MapScore {

    private MapScore() {
    }

    /**
     * @param remainingNs remaining latency of the job (on its best accelerator), ns
     * @param slackNs     deadline - now, ns
     * @return the port's urgency: min(1, remaining / slack); 1 when the slack is 0; negative past the deadline
     */
    static double urgency(long remainingNs, long slackNs) {
        if (slackNs == 0) {
            return 1.0;
        }
        return Math.min(1.0, (double) remainingNs / slackNs);
    }

    /**
     * @param waitedNs    now - the end of the job's last block (or its arrival), ns
     * @param nextLayerNs latency of its next layer on the candidate accelerator, ns
     * @return the port's fairness: waited / next-layer latency
     */
    static double fairness(long waitedNs, long nextLayerNs) {
        return (double) waitedNs / Math.max(1, nextLayerNs);
    }

    /** @return remaining latency of job {@code j} on its best accelerator (min over accelerators), ns */
    static long bestRemainingNs(SchedulerView v, int j) {
        return bestRemainingNs(v, v.jobModel(j), v.jobVariant(j), v.nextLayer(j));
    }

    /** @return latency of layers {@code from..} of model {@code m}, variant {@code var}, on the best accelerator, ns */
    static long bestRemainingNs(SchedulerView v, int m, int var, int from) {
        long best = Long.MAX_VALUE;
        for (int a = 0; a < v.acceleratorCount(); a++) {
            best = Math.min(best, v.remainingLatencyNs(m, var, from, a));
        }
        return best;
    }

    /** @return the lowest energy of job {@code j}'s next block of {@code layers} layers over all accelerators, pJ */
    static double minBlockEnergyPj(SchedulerView v, int j, int layers) {
        int m = v.jobModel(j);
        int var = v.jobVariant(j);
        int from = v.nextLayer(j);
        double best = Double.MAX_VALUE;
        for (int a = 0; a < v.acceleratorCount(); a++) {
            best = Math.min(best, v.blockEnergyPj(m, var, from, layers, a));
        }
        return best;
    }

    /**
     * @param urgency     the job's urgency ({@link #urgency})
     * @param minEnergyPj the job's {@link #minBlockEnergyPj}
     * @param layers      layers of the next block
     * @param feasible    whether the job can still meet its deadline on its best accelerator
     * @return score of running job {@code j}'s next block on accelerator {@code a}
     */
    static double score(SchedulerView v, int j, int a, int layers, double urgency, double minEnergyPj,
                        double alpha, double beta, double movePenalty, boolean feasible, double latePenalty) {
        int m = v.jobModel(j);
        int var = v.jobVariant(j);
        int from = v.nextLayer(j);
        return score(v.now(), urgency, v.lastRunEndNs(j), v.latencyNs(m, var, from, a), alpha, beta,
                beta != 0 ? v.blockEnergyPj(m, var, from, layers, a) : 0, minEnergyPj, v.lastAccelerator(j), a,
                movePenalty, feasible, v.remainingLatencyNs(m, var, from, a), v.deadlineNs(j), latePenalty);
    }

    /**
     * The same score from values read beforehand (what {@link IncrementalPass} keeps per job), in the same order of
     * floating-point operations, so both give the same double.
     *
     * @param lastRunEndNs the end of the job's last block (or its arrival)
     * @param nextLayerNs  latency of its next layer on {@code a}
     * @param blockPj      energy of its next block on {@code a} (read only when {@code beta != 0})
     * @param last         the accelerator it last ran on, or -1
     * @param remainingNs  its remaining latency with every layer on {@code a}
     */
    static double score(long now, double urgency, long lastRunEndNs, long nextLayerNs, double alpha, double beta,
                        double blockPj, double minEnergyPj, int last, int a, double movePenalty, boolean feasible,
                        long remainingNs, long deadlineNs, double latePenalty) {
        double s = urgency + alpha * fairness(now - lastRunEndNs, nextLayerNs);
        if (beta != 0) {
            s -= beta * (minEnergyPj > 0 ? blockPj / minEnergyPj - 1 : 0);
        }
        if (last >= 0 && last != a) {
            s -= movePenalty;
        }
        if (latePenalty != 0 && feasible && now + remainingNs > deadlineNs) {
            s -= latePenalty;
        }
        return s;
    }
}
