package org.rtmmlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * What can be found wrong with a scenario on a platform without running it ({@code rtmm check}): accelerators whose
 * cost model is missing or rejects them; layers (of any variant of a model a task uses) that no accelerator of the
 * platform can run (issue 13: each cost model's {@code supportsLayer}); layers a cost model says it runs but cannot
 * price, or prices with a negative or non-finite figure. Warnings (not problems): a task whose full model, every
 * layer on its fastest accelerator and nothing else running, takes longer than its relative deadline, so every frame
 * is late. Per model variant and accelerator only the first bad layer is named, with the count of the others.
 *
 * @param problems one line each; any makes {@code check} fail
 * @param warnings one line each
 * @param layers   layers examined (over tasks' models and their variants)
 */
record StaticCheck(List<String> problems, List<String> warnings, int layers) {

    /**
     * @param scenario   the resolved scenario
     * @param platform   the resolved platform
     * @param costModels cost model by id (throws for an unknown one)
     * @return the findings
     */
    static StaticCheck of(Scenario scenario, Platform platform, Function<String, AcceleratorModel> costModels) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Accelerator> accs = platform.accelerators();
        AcceleratorModel[] cms = new AcceleratorModel[accs.size()];
        for (int a = 0; a < cms.length; a++) {
            Accelerator acc = accs.get(a);
            try {
                cms[a] = costModels.apply(acc.costModel());
                cms[a].check(acc);
            } catch (RuntimeException e) {
                problems.add("accelerator " + acc.id() + ": " + e.getMessage());
                cms[a] = null;
            }
        }
        int layers = 0;
        List<String> seen = new ArrayList<>();
        for (Task task : scenario.tasks()) {
            Model m = scenario.model(task.model());
            if (seen.contains(m.id())) {
                continue;
            }
            seen.add(m.id());
            for (int v = 0; v < m.variantCount(); v++) {
                layers += m.layersOf(v).size();
                checkVariant(platform, accs, cms, m, v, problems);
            }
        }
        for (Task task : scenario.tasks()) {
            Model m = scenario.model(task.model());
            long fastest = fastestNs(accs, cms, m);
            if (fastest > task.deadlineNs()) {
                warnings.add("task " + task.id() + ": its model " + m.id() + " takes at least " + Format.fixed(
                        fastest / 1e6, 3) + " ms (each layer on its fastest accelerator, alone) but its deadline is "
                        + Format.fixed(task.deadlineNs() / 1e6, 3) + " ms: every frame of the full model is late");
            }
        }
        return new StaticCheck(List.copyOf(problems), List.copyOf(warnings), layers);
    }

    private static void checkVariant(Platform platform, List<Accelerator> accs, AcceleratorModel[] cms, Model m,
                                     int v, List<String> problems) {
        List<Layer> ls = m.layersOf(v);
        String where = "model " + m.id() + " variant " + m.variantId(v);
        int unrunnable = 0;
        String firstUnrunnable = null;
        String[] firstBad = new String[accs.size()];
        int[] bad = new int[accs.size()];
        for (int l = 0; l < ls.size(); l++) {
            boolean runnable = false;
            for (int a = 0; a < accs.size(); a++) {
                if (cms[a] == null) {
                    continue;
                }
                String why = price(cms[a], m, v, l, accs.get(a));
                if (why == null) {
                    runnable = true;
                } else if (!why.isEmpty()) {
                    if (bad[a]++ == 0) {
                        firstBad[a] = "layer " + l + " (" + ls.get(l).name() + ", " + ls.get(l).type() + "): " + why;
                    }
                    runnable = true; // the cost model claims it: a pricing fault, not an unsupported layer
                }
            }
            if (!runnable && unrunnable++ == 0) {
                firstUnrunnable = "layer " + l + " (" + ls.get(l).name() + ", " + ls.get(l).type() + ")";
            }
        }
        if (unrunnable > 0) {
            problems.add(where + " " + firstUnrunnable + ": no accelerator of platform " + platform.id()
                    + " can run it (each cost model says the layer is unsupported)"
                    + (unrunnable > 1 ? "; " + (unrunnable - 1) + " more such layers" : ""));
        }
        for (int a = 0; a < accs.size(); a++) {
            if (bad[a] > 0) {
                problems.add(where + " on accelerator " + accs.get(a).id() + " (cost model " + cms[a].id() + ") "
                        + firstBad[a] + (bad[a] > 1 ? "; " + (bad[a] - 1) + " more layers fail there" : ""));
            }
        }
    }

    /** @return null if the layer runs and prices fine there, "" if unsupported, else why its pricing fails */
    private static String price(AcceleratorModel cm, Model m, int v, int l, Accelerator acc) {
        try {
            if (!cm.supportsLayer(m, v, l, acc)) {
                return "";
            }
            LayerCost c = cm.layerCost(m, v, l, acc);
            if (c == null || c.latencyNs() < 0 || !(c.energyPj() >= 0) || Double.isInfinite(c.energyPj())) {
                return "priced as " + c;
            }
            return null;
        } catch (RuntimeException e) {
            return "cannot be priced: " + e.getMessage();
        }
    }

    /** @return the full model's latency with each layer on its fastest accelerator; 0 if some layer has none */
    private static long fastestNs(List<Accelerator> accs, AcceleratorModel[] cms, Model m) {
        long sum = 0;
        for (int l = 0; l < m.layers().size(); l++) {
            long best = Long.MAX_VALUE;
            for (int a = 0; a < accs.size(); a++) {
                if (cms[a] != null && price(cms[a], m, 0, l, accs.get(a)) == null) {
                    best = Math.min(best, cms[a].layerCost(m, 0, l, accs.get(a)).latencyNs());
                }
            }
            if (best == Long.MAX_VALUE) {
                return 0; // reported as a problem already
            }
            sum += best;
        }
        return sum;
    }
}
