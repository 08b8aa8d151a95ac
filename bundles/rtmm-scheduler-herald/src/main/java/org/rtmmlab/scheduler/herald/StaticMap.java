package org.rtmmlab.scheduler.herald;

import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * Herald's offline plan: each model (variant 0) is cut into blocks of {@code blockLayers} layers; each block goes to
 * the accelerator where it costs least (objective; ties: lower latency, lower index); then, while it lowers the
 * plan's objective (edp: makespan x energy per second; latency: makespan; energy: never), the block on the most
 * loaded accelerator whose move to its second-best accelerator gives the lowest objective is moved there (each block
 * moves at most once; not while the bottleneck's load is at most {@code balanceAbove} x capacity). Load of an
 * accelerator = sum over its blocks of the block's latency there x its model's frame rate (requests per second of
 * every task running it; cascaded tasks count their upstream's rate x their probability), i.e. busy nanoseconds per
 * second; the makespan is the largest load.
 */
final class StaticMap {

    private final int blockLayers;
    /** {@code target[m][b]}: accelerator of block {@code b} of model {@code m}. */
    private final int[][] target;
    private final double[] load;

    private StaticMap(int blockLayers, int[][] target, double[] load) {
        this.blockLayers = blockLayers;
        this.target = target;
        this.load = load;
    }

    /** Plans the map for a run. */
    static StaticMap plan(CostView costs, Scenario scenario, HeraldSettings settings) {
        int models = costs.modelCount();
        int accs = costs.acceleratorCount();
        double[] rate = modelRates(costs, scenario);
        int[][] target = new int[models][];
        int[][] second = new int[models][];
        double[] load = new double[accs];
        for (int m = 0; m < models; m++) {
            int blocks = (costs.layerCount(m, 0) + settings.blockLayers() - 1) / settings.blockLayers();
            target[m] = new int[blocks];
            second[m] = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                int[] ranked = rank(costs, settings, m, b);
                target[m][b] = ranked[0];
                second[m][b] = ranked.length > 1 ? ranked[1] : -1;
                load[ranked[0]] += rate[m] * latency(costs, settings.blockLayers(), m, b, ranked[0]);
            }
        }
        if (settings.balance()) {
            balance(costs, settings, rate, target, second, load);
        }
        return new StaticMap(settings.blockLayers(), target, load);
    }

    /** Nanoseconds of capacity per second of one accelerator (a load of this much keeps it always busy). */
    static final double CAPACITY_NS_PER_S = 1e9;

    /**
     * Herald's balancing, judged on the whole plan: while it strictly lowers the plan's objective, moves the block on
     * the most loaded accelerator whose move to its second-best accelerator gives the lowest objective (ties: first
     * model, first block); each block moves at most once. Objective of the plan: {@code edp} = makespan (largest
     * load, busy ns per second) x energy per second (sum over blocks of block energy x frame rate, pJ per second);
     * {@code latency} = the makespan; {@code energy}: nothing moves, since every block already sits where its energy
     * is lowest and its second best costs at least as much, so no move can lower the total. Nothing moves either
     * while the bottleneck's load is at most {@code balanceAbove} x capacity.
     */
    private static void balance(CostView costs, HeraldSettings s, double[] rate, int[][] target, int[][] second,
                                double[] load) {
        if (s.objective().equals("energy")) {
            return;
        }
        int size = s.blockLayers();
        boolean edp = s.objective().equals("edp");
        double energy = 0; // pJ per second
        for (int m = 0; m < target.length; m++) {
            for (int b = 0; b < target[m].length; b++) {
                energy += rate[m] * energy(costs, size, m, b, target[m][b]);
            }
        }
        while (true) {
            int bottleneck = argMax(load);
            double makespan = load[bottleneck];
            if (makespan <= s.balanceAbove() * CAPACITY_NS_PER_S) {
                return;
            }
            double best = edp ? makespan * energy : makespan;
            double bestEnergy = energy;
            int bestM = -1;
            int bestB = -1;
            for (int m = 0; m < target.length; m++) {
                for (int b = 0; b < target[m].length; b++) {
                    int to = second[m][b];
                    if (target[m][b] != bottleneck || to < 0 || rate[m] == 0) {
                        continue;
                    }
                    double from = load[bottleneck] - rate[m] * latency(costs, size, m, b, bottleneck);
                    double there = load[to] + rate[m] * latency(costs, size, m, b, to);
                    double span = Math.max(from, there);
                    for (int a = 0; a < load.length; a++) {
                        if (a != bottleneck && a != to) {
                            span = Math.max(span, load[a]);
                        }
                    }
                    // the change only, so that a move between equal energies leaves the total exactly as it was
                    double moved = energy + rate[m] * (energy(costs, size, m, b, to)
                            - energy(costs, size, m, b, bottleneck));
                    double value = edp ? span * moved : span;
                    if (value < best) {
                        best = value;
                        bestEnergy = moved;
                        bestM = m;
                        bestB = b;
                    }
                }
            }
            if (bestM < 0) {
                return;
            }
            int to = second[bestM][bestB];
            load[bottleneck] -= rate[bestM] * latency(costs, size, bestM, bestB, bottleneck);
            load[to] += rate[bestM] * latency(costs, size, bestM, bestB, to);
            energy = bestEnergy;
            target[bestM][bestB] = to;
            second[bestM][bestB] = -1; // moved once
        }
    }

    /** @return accelerators ordered by the block's cost (objective), then latency, then index */
    private static int[] rank(CostView costs, HeraldSettings s, int m, int b) {
        int accs = costs.acceleratorCount();
        Integer[] order = new Integer[accs];
        for (int a = 0; a < accs; a++) {
            order[a] = a;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(cost(costs, s, m, b, x), cost(costs, s, m, b, y));
            if (c != 0) {
                return c;
            }
            c = Long.compare(latency(costs, s.blockLayers(), m, b, x), latency(costs, s.blockLayers(), m, b, y));
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[accs];
        for (int i = 0; i < accs; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static double cost(CostView costs, HeraldSettings s, int m, int b, int a) {
        int from = b * s.blockLayers();
        int count = Math.min(s.blockLayers(), costs.layerCount(m, 0) - from);
        double ns = costs.blockLatencyNs(m, 0, from, count, a);
        double pj = costs.blockEnergyPj(m, 0, from, count, a);
        return switch (s.objective()) {
            case "latency" -> ns;
            case "energy" -> pj;
            default -> ns * pj;
        };
    }

    private static double energy(CostView costs, int size, int m, int b, int a) {
        int from = b * size;
        return costs.blockEnergyPj(m, 0, from, Math.min(size, costs.layerCount(m, 0) - from), a);
    }

    private static long latency(CostView costs, int size, int m, int b, int a) {
        int from = b * size;
        return costs.blockLatencyNs(m, 0, from, Math.min(size, costs.layerCount(m, 0) - from), a);
    }

    /** @return requests per second of each model: the sum over the tasks that run it */
    static double[] modelRates(CostView costs, Scenario scenario) {
        double[] rate = new double[costs.modelCount()];
        for (Task t : scenario.tasks()) {
            for (int m = 0; m < rate.length; m++) {
                if (costs.model(m).id().equals(t.model())) {
                    rate[m] += taskRate(scenario, t, 0);
                }
            }
        }
        return rate;
    }

    private static double taskRate(Scenario scenario, Task t, int depth) {
        if (!t.cascaded() || depth > scenario.tasks().size()) {
            return 1e9 / t.periodNs() * t.probability();
        }
        Task up = scenario.tasks().get(scenario.taskIndex(t.upstream()));
        return taskRate(scenario, up, depth + 1) * t.probability();
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return the accelerator block containing layer {@code layer} of model {@code m} is mapped to */
    int acceleratorOf(int m, int layer) {
        return target[m][layer / blockLayers];
    }

    /** @return layers from {@code layer} to the end of its block (at most {@code layerCount - layer}) */
    int layersToBlockEnd(int layer, int layerCount) {
        int end = Math.min((layer / blockLayers + 1) * blockLayers, layerCount);
        return end - layer;
    }

    /** @return planned load of accelerator {@code a}, busy ns per second */
    double load(int a) {
        return load[a];
    }
}
