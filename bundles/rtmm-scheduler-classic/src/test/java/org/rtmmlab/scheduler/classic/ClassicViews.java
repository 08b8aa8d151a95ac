package org.rtmmlab.scheduler.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.testkit.HandView;

/**
 * What the classic policies' tests add to the testkit's {@link HandView}: a view of {@code n} whole accelerators
 * {@code acc0, acc1, ...} (so {@code HandDecisions} logs {@code "<job>@acc<a>x<layers>"}), uniform latency tables,
 * models with their own energy table, and a context for creating a scheduler before any view exists.
 */
final class ClassicViews {

    /** Period of every test task, ns (jobs carry their own deadlines). */
    static final long PERIOD_NS = 1_000_000;

    private ClassicViews() {
    }

    /** @return an empty view (time 0) of {@code accelerators} whole accelerators {@code acc0, acc1, ...} */
    static HandView view(int accelerators) {
        HandView v = new HandView();
        for (int a = 0; a < accelerators; a++) {
            v.accelerator("acc" + a, 1);
        }
        return v;
    }

    /** @return {@code latencyNs[layer][a]} of {@code layers} layers, each costing {@code perLayer[a]} ns on a */
    static long[][] uniform(int layers, long... perLayer) {
        long[][] l = new long[layers][];
        for (int i = 0; i < layers; i++) {
            l[i] = perLayer.clone();
        }
        return l;
    }

    /** Adds a model with latency table {@code latencyNs[layer][a]} and energy table {@code energyPj[layer][a]}. */
    static int model(HandView v, String id, long[][] latencyNs, double[][] energyPj) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < latencyNs.length; i++) {
            layers.add(Layer.conv("l" + i, 1, 1, 1, 1, 1, 1, 1));
        }
        return v.model(Model.of(id, "", layers), latencyNs, energyPj);
    }

    /** @return a context with {@code properties}, over a one-task view (the classic policies read only properties) */
    static SchedulerContext context(Map<String, String> properties) {
        HandView v = view(1);
        v.task("M", v.model("M", uniform(1, 1)), PERIOD_NS);
        return v.context(properties);
    }
}
