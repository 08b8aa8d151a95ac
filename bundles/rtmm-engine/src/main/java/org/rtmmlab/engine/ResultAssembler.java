package org.rtmmlab.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.engine.metrics.RunMetrics;
import org.rtmmlab.engine.metrics.UxCost;
import org.rtmmlab.engine.metrics.WindowMetrics;
import org.rtmmlab.engine.sim.SimulationOutcome;

/**
 * Turns a finished simulation into a {@link RunResult}: per-task results, run-level metrics and the energy total
 * (dynamic + switch + the part of blocks still running at the horizon + idle power x idle time).
 */
final class ResultAssembler {

    /** Run metric: XRBench scenario score, 0..100. */
    static final String SCORE = RunMetrics.SCORE;
    /** Run metric: (late + dropped) / ended requests over all tasks. */
    static final String MISS_RATE = RunMetrics.MISS_RATE;
    /** Run metric prefix: busy time / simulated time of each accelerator, by accelerator id. */
    static final String UTILISATION = "utilisation.";
    /** Run metric: dynamic energy of executed layers, mJ. */
    static final String ENERGY_DYNAMIC = "energy.dynamic.mJ";
    /** Run metric: idle power x idle time over all accelerators, mJ. */
    static final String ENERGY_IDLE = "energy.idle.mJ";
    /** Run metric: energy of the blocks still running at the horizon, up to the horizon (default engine), mJ. */
    static final String ENERGY_UNFINISHED = "energy.unfinished.mJ";
    /** Run metric: energy of accelerator switches, mJ. */
    static final String ENERGY_SWITCH = "energy.switch.mJ";
    /** Run metric: number of scheduler calls (decision points). */
    static final String DECISIONS = "decisions";
    /** Run metric: number of blocks dispatched. */
    static final String DISPATCHES = "dispatches";
    /** Run metric: number of events processed. */
    static final String EVENTS = "events";

    private ResultAssembler() {
    }

    /**
     * @param minEnergyPj per task (scenario order): the energy of its full model, whole, on the accelerator where it
     *                    costs least, pJ (UXCost's reference energy per released frame)
     * @param uxcostFloor floor epsilon on UXCost's violation rate
     */
    static RunResult assemble(RunConfig resolved, String labVersion, Platform platform, SimulationOutcome out,
                              double[] minEnergyPj, double uxcostFloor) {
        RunMetrics rm = out.metrics();
        List<TaskResult> perTask = rm.taskResults(out.compatLog());
        Map<String, Double> m = new TreeMap<>();
        m.put(SCORE, rm.runScore(out.compatLog()));
        m.put(MISS_RATE, rm.total().missRate());
        double loss = rm.accuracyLoss();
        if (!Double.isNaN(loss)) {
            m.put(RunMetrics.ACCURACY_LOSS, loss);
        }
        if (rm.windows() != null) {
            m.put(WindowMetrics.WINDOW_MS, rm.windows().windowNs() / 1e6);
        }
        long sim = out.simulatedNs();
        double idleMj = 0;
        for (int a = 0; a < platform.accelerators().size(); a++) {
            long busy = Math.min(out.busyNs()[a], sim);
            m.put(UTILISATION + platform.accelerators().get(a).id(), sim == 0 ? 0 : (double) busy / sim);
            // W x ns = 1e-9 J = 1e-6 mJ
            idleMj += platform.accelerators().get(a).idlePowerW() * (sim - busy) * 1e-6;
        }
        m.put(ENERGY_DYNAMIC, rm.dynamicMj());
        m.put(ENERGY_SWITCH, rm.switchMj());
        m.put(ENERGY_IDLE, idleMj);
        m.put(ENERGY_UNFINISHED, rm.unfinishedMj());
        m.put(DECISIONS, (double) out.decisions());
        m.put(DISPATCHES, (double) out.dispatches());
        m.put(EVENTS, (double) out.events());
        double total = rm.dynamicMj() + rm.switchMj() + rm.unfinishedMj() + idleMj;
        double refPj = 0;
        for (int t = 0; t < minEnergyPj.length; t++) {
            refPj += rm.counts(t).released() * minEnergyPj[t];
        }
        m.putAll(UxCost.figures(total, refPj / 1e9, rm.total(), uxcostFloor));
        for (Map.Entry<String, Double> e : out.schedulerMetrics().entrySet()) {
            m.putIfAbsent(e.getKey(), e.getValue()); // the engine's own figures win on a name clash
        }
        return new RunResult(resolved, labVersion, sim, rm.total(), total, perTask, m);
    }
}
