package org.rtmmlab.scheduler.dream;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The reference {@link IncrementalPass} is held to: DREAM's job part as it was before issue 15, a scan of the whole
 * view at every call (remaining latency, variant, drop test and every (job, accelerator) score computed from the view
 * each time). Kept verbatim apart from taking the level and parameters as arguments.
 */
final class ScanPass implements DecisionPass {

    private final DreamSettings settings;
    private long[] remaining = new long[16];
    private double[] urgency = new double[16];
    private double[] minEnergy = new double[16];
    private int[] layers = new int[16];
    private boolean[] candidate = new boolean[16];

    ScanPass(DreamSettings settings) {
        this.settings = settings;
    }

    @Override
    public int decide(SchedulerView v, Decisions d, int level, double alpha, double beta, double tolerance,
                      boolean[] accTaken) {
        int n = v.jobCount();
        grow(n);
        for (int j = 0; j < n; j++) {
            remaining[j] = MapScore.bestRemainingNs(v, j);
        }
        if (level >= 0) {
            switchVariants(v, d, n, level, tolerance);
        }
        Arrays.fill(candidate, 0, n, false);
        int drops = 0;
        if (settings.drop()) {
            drops = admit(v, d, n, tolerance);
        }
        dispatch(v, d, n, alpha, beta, accTaken);
        return drops;
    }

    private void switchVariants(SchedulerView v, Decisions d, int n, int level, double tolerance) {
        for (int j = 0; j < n; j++) {
            if (v.nextLayer(j) == 0 && v.runningOn(j) < 0) {
                int m = v.jobModel(j);
                int variants = v.model(m).variantCount();
                int target = SupernetSwitcher.variantAt(level, variants);
                if (settings.drop()) {
                    target = AdmissionControl.feasibleVariant(v, j, m, target, variants, tolerance);
                }
                if (v.jobVariant(j) != target) {
                    d.selectVariant(j, target);
                    remaining[j] = MapScore.bestRemainingNs(v, j);
                }
            }
        }
    }

    private int admit(SchedulerView v, Decisions d, int n, double tolerance) {
        long now = v.now();
        int drops = 0;
        for (int j = 0; j < n; j++) {
            if (v.runningOn(j) < 0
                    && AdmissionControl.hopeless(now, remaining[j], v.arrivalNs(j), v.deadlineNs(j), tolerance)) {
                d.drop(j);
                candidate[j] = false;
                remaining[j] = -1; // marks a dropped job
                drops++;
            }
        }
        return drops;
    }

    private void dispatch(SchedulerView v, Decisions d, int n, double alpha, double beta, boolean[] accTaken) {
        long now = v.now();
        int ready = 0;
        for (int j = 0; j < n; j++) {
            if (remaining[j] >= 0 && v.ready(j) && v.nextLayer(j) < v.layerCount(j)) {
                candidate[j] = true;
                ready++;
                layers[j] = Math.min(settings.blockLayers(), v.layerCount(j) - v.nextLayer(j));
                urgency[j] = MapScore.urgency(remaining[j], v.deadlineNs(j) - now);
                minEnergy[j] = beta != 0 ? MapScore.minBlockEnergyPj(v, j, layers[j]) : 0;
            }
        }
        double move = settings.movePenalty();
        double late = settings.latePenalty();
        int accs = v.acceleratorCount();
        while (ready > 0) {
            int bestJ = -1;
            int bestA = -1;
            double bestScore = 0;
            long bestNs = 0;
            for (int a = 0; a < accs; a++) {
                if (accTaken[a] || !v.idle(a)) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (!candidate[j]) {
                        continue;
                    }
                    double s = MapScore.score(v, j, a, layers[j], urgency[j], minEnergy[j], alpha, beta, move,
                            now + remaining[j] <= v.deadlineNs(j), late);
                    long ns = v.blockLatencyNs(v.jobModel(j), v.jobVariant(j), v.nextLayer(j), layers[j], a);
                    if (bestJ < 0 || better(v, s, j, ns, bestScore, bestJ, bestNs)) {
                        bestJ = j;
                        bestA = a;
                        bestScore = s;
                        bestNs = ns;
                    }
                }
            }
            if (bestJ < 0) {
                return;
            }
            d.dispatch(bestJ, bestA, layers[bestJ]);
            candidate[bestJ] = false;
            accTaken[bestA] = true;
            ready--;
        }
    }

    private static boolean better(SchedulerView v, double s, int j, long ns, double bestScore, int bestJ,
                                  long bestNs) {
        if (s != bestScore) {
            return s > bestScore;
        }
        if (v.arrivalNs(j) != v.arrivalNs(bestJ)) {
            return v.arrivalNs(j) < v.arrivalNs(bestJ);
        }
        if (ns != bestNs) {
            return ns < bestNs;
        }
        return v.jobId(j) < v.jobId(bestJ);
    }

    private void grow(int n) {
        if (remaining.length < n) {
            int size = Math.max(n, remaining.length * 2);
            remaining = new long[size];
            urgency = new double[size];
            minEnergy = new double[size];
            layers = new int[size];
            candidate = new boolean[size];
        }
    }
}
