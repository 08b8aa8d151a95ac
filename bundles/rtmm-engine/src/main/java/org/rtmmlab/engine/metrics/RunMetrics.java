package org.rtmmlab.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.TaskResult;

/**
 * Accumulates the always-computed figures of one run from primitive engine callbacks (no records kept): request
 * accounting, completion latencies (one long per completed request, per task), energies, and the XRBench score terms
 * in double precision. Memory grows only with the number of completed requests' latency samples.
 *
 * <p>Metric names (per task): {@value #SCORE}, {@value #RT}, {@value #EN}, {@value #QOE}, {@value #MISS_RATE},
 * {@value #P50}, {@value #P95}, {@value #P99}, {@value #ENERGY_PER_FRAME}, {@value #ACCURACY_MEAN}, and the
 * {@link WindowMetrics} family when windows are on; run level {@value #ACCURACY_LOSS}. Undefined figures (no completed
 * request, or no logged request for the XRBench terms) are left out of the map rather than reported as NaN.
 */
public final class RunMetrics {

    /** XRBench model score S_m, 0..1 (run level: scenario score, 0..100). */
    public static final String SCORE = "xrbench.score";
    /** Mean XRBench real-time score over completed frames. */
    public static final String RT = "xrbench.rt";
    /** Mean XRBench energy score over completed frames. */
    public static final String EN = "xrbench.energy";
    /** XRBench QoE (UX) = 1 - dropped / (completed + dropped). */
    public static final String QOE = "xrbench.qoe";
    /** (late + dropped) / ended requests. */
    public static final String MISS_RATE = "missRate";
    /** Latency percentiles (arrival to finish, completed requests, nearest rank), ms. */
    public static final String P50 = "latency.p50.ms";
    /** 95th percentile latency, ms. */
    public static final String P95 = "latency.p95.ms";
    /** 99th percentile latency, ms. */
    public static final String P99 = "latency.p99.ms";
    /** Dynamic + switch energy of the task divided by its completed requests, mJ. */
    public static final String ENERGY_PER_FRAME = "energyPerFrame.mJ";
    /** Per task: mean relative accuracy (variant accuracy / full accuracy) over completed requests. */
    public static final String ACCURACY_MEAN = "accuracy.mean";
    /** Run level: 1 - mean relative accuracy over all completed requests (0 when only full models ran). */
    public static final String ACCURACY_LOSS = "accuracy.loss";

    private final String[] taskIds;
    private final String[] modelIds;
    private final long[] released;
    private final long[] onTime;
    private final long[] late;
    private final long[] dropped;
    private final long[] inFlight;
    private final double[] energyPj;
    private final double[] sumRt;
    private final double[] sumEn;
    private final double[] sumRtEn;
    private final LongSamples[] latencies;
    private final double[] sumAccuracy;
    private final boolean accuracyFactor;
    private final WindowMetrics windows;
    private double dynamicPj;
    private double switchPj;
    private double unfinishedPj;

    /**
     * @param taskIds  task ids in scenario order
     * @param modelIds model id of each task
     */
    public RunMetrics(String[] taskIds, String[] modelIds) {
        this(taskIds, modelIds, false, null);
    }

    /**
     * @param taskIds        task ids in scenario order
     * @param modelIds       model id of each task
     * @param accuracyFactor multiply each frame's XRBench RT x EN by its relative accuracy (docs/metrics.md)
     * @param windows        per-window accounting, or {@code null} for none
     */
    public RunMetrics(String[] taskIds, String[] modelIds, boolean accuracyFactor, WindowMetrics windows) {
        int n = taskIds.length;
        this.accuracyFactor = accuracyFactor;
        this.windows = windows;
        sumAccuracy = new double[n];
        this.taskIds = taskIds.clone();
        this.modelIds = modelIds.clone();
        released = new long[n];
        onTime = new long[n];
        late = new long[n];
        dropped = new long[n];
        inFlight = new long[n];
        energyPj = new double[n];
        sumRt = new double[n];
        sumEn = new double[n];
        sumRtEn = new double[n];
        latencies = new LongSamples[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = new LongSamples();
        }
    }

    /** A request of task {@code t} was released at {@code arrivalNs}. */
    public void released(int t, long arrivalNs) {
        released[t]++;
        if (windows != null) {
            windows.released(t, arrivalNs);
        }
    }

    /** A block of task {@code t} finished: layer energy and switch energy, pJ. */
    public void block(int t, double layerPj, double switchEnergyPj) {
        dynamicPj += layerPj;
        switchPj += switchEnergyPj;
        energyPj[t] += layerPj + switchEnergyPj;
    }

    /** Part of the energy of a block of task {@code t} still running at the horizon, pJ (see the engine). */
    public void unfinishedBlock(int t, double pj) {
        unfinishedPj += pj;
        energyPj[t] += pj;
    }

    /**
     * A request of task {@code t} completed.
     *
     * @param latencyNs      finish - arrival
     * @param lateByNs       finish - deadline (negative when early)
     * @param requestPj      the request's dynamic + switch energy
     * @param onTimeFinished whether it met its deadline
     * @param arrivalNs      its release time (selects its window)
     * @param accuracy       relative accuracy of the variant that ran it (1 for the full model)
     */
    public void completed(int t, long latencyNs, long lateByNs, double requestPj, boolean onTimeFinished,
                          long arrivalNs, double accuracy) {
        sumAccuracy[t] += accuracy;
        if (windows != null) {
            windows.completed(t, arrivalNs, latencyNs, onTimeFinished);
        }
        if (onTimeFinished) {
            onTime[t]++;
        } else {
            late[t]++;
        }
        latencies[t].add(latencyNs);
        double rt = XrbenchScore.realTime(lateByNs / 1e6);
        double en = XrbenchScore.energy(requestPj / 1e9);
        sumRt[t] += rt;
        sumEn[t] += en;
        sumRtEn[t] += rt * en * (accuracyFactor ? accuracy : 1.0);
    }

    /** A request of task {@code t} released at {@code arrivalNs} was dropped. */
    public void dropped(int t, long arrivalNs) {
        dropped[t]++;
        if (windows != null) {
            windows.dropped(t, arrivalNs);
        }
    }

    /** A request of task {@code t} released at {@code arrivalNs} was still queued or running at the end. */
    public void inFlight(int t, long arrivalNs) {
        inFlight[t]++;
        if (windows != null) {
            windows.inFlight(t, arrivalNs);
        }
    }

    /** @return number of tasks */
    public int taskCount() {
        return taskIds.length;
    }

    /**
     * Live totals of task {@code t} while the run goes on (no allocation; {@link #counts} needs the run's end):
     * {@code out[0..3]} = released, on time, late, dropped so far.
     *
     * @return the sum of the task's XRBench frame terms (RT x EN, x accuracy when on) over its completed requests
     */
    public double liveTotals(int t, long[] out) {
        out[0] = released[t];
        out[1] = onTime[t];
        out[2] = late[t];
        out[3] = dropped[t];
        return sumRtEn[t];
    }

    /** @return whether XRBench frame scores include the accuracy factor */
    public boolean accuracyFactor() {
        return accuracyFactor;
    }

    /** @return the per-window accounting, or {@code null} when off */
    public WindowMetrics windows() {
        return windows;
    }

    /** @return 1 - mean relative accuracy over all completed requests, or NaN if none completed */
    public double accuracyLoss() {
        double sum = 0;
        long completed = 0;
        for (int t = 0; t < taskIds.length; t++) {
            sum += sumAccuracy[t];
            completed += onTime[t] + late[t];
        }
        return completed == 0 ? Double.NaN : 1.0 - sum / completed;
    }

    /** @return dynamic layer energy of finished blocks, mJ */
    public double dynamicMj() {
        return dynamicPj / 1e9;
    }

    /** @return energy of the blocks running at the horizon, up to the horizon, mJ */
    public double unfinishedMj() {
        return unfinishedPj / 1e9;
    }

    /** @return switch energy of finished blocks, mJ */
    public double switchMj() {
        return switchPj / 1e9;
    }

    /** @return accounting of task {@code t} */
    public FrameCounts counts(int t) {
        return new FrameCounts(released[t], onTime[t], late[t], dropped[t], inFlight[t]);
    }

    /** @return accounting over all tasks */
    public FrameCounts total() {
        FrameCounts sum = new FrameCounts(0, 0, 0, 0, 0);
        for (int t = 0; t < taskIds.length; t++) {
            sum = sum.plus(counts(t));
        }
        return sum;
    }

    /**
     * @param compat the float32 XRBench log of a compatibility-mode run (its XRBench terms replace the double ones),
     *               or {@code null} in default mode
     * @return one result per task, scenario order
     */
    public List<TaskResult> taskResults(XrbenchLog compat) {
        List<TaskResult> out = new ArrayList<>();
        for (int t = 0; t < taskIds.length; t++) {
            Map<String, Double> m = new TreeMap<>();
            FrameCounts c = counts(t);
            m.put(MISS_RATE, c.missRate());
            long completed = onTime[t] + late[t];
            if (completed > 0) {
                m.put(P50, latencies[t].percentile(50) / 1e6);
                m.put(P95, latencies[t].percentile(95) / 1e6);
                m.put(P99, latencies[t].percentile(99) / 1e6);
                m.put(ENERGY_PER_FRAME, energyPj[t] / 1e9 / completed);
                m.put(ACCURACY_MEAN, sumAccuracy[t] / completed);
            }
            if (windows != null) {
                windows.addTo(t, m);
            }
            if (compat != null) {
                if (compat.present(t)) {
                    m.put(SCORE, (double) compat.score(t));
                    m.put(RT, compat.meanRealTime(t));
                    m.put(EN, compat.meanEnergy(t));
                    m.put(QOE, (double) compat.ux(t));
                }
            } else if (completed + dropped[t] > 0) {
                long n = completed + dropped[t];
                double qoe = 1.0 - (double) dropped[t] / n;
                m.put(SCORE, sumRtEn[t] / n * qoe);
                m.put(RT, completed == 0 ? 0 : sumRt[t] / completed);
                m.put(EN, completed == 0 ? 0 : sumEn[t] / completed);
                m.put(QOE, qoe);
            }
            out.add(new TaskResult(taskIds[t], modelIds[t], c, energyPj[t] / 1e9, m));
        }
        return out;
    }

    /**
     * @param compat the float32 XRBench log in compatibility mode, or {@code null}
     * @return run-level XRBench score in [0, 100]: 100 x mean of the model scores of the tasks that logged at least
     *         one completed or dropped request (0 if none did)
     */
    public double runScore(XrbenchLog compat) {
        if (compat != null) {
            return compat.overall();
        }
        double sum = 0;
        int present = 0;
        for (int t = 0; t < taskIds.length; t++) {
            long completed = onTime[t] + late[t];
            long n = completed + dropped[t];
            if (n > 0) {
                present++;
                sum += sumRtEn[t] / n * (1.0 - (double) dropped[t] / n);
            }
        }
        return present == 0 ? 0 : 100.0 * sum / present;
    }
}
