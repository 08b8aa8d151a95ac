package org.rtmmlab.optimizer.rtmdl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;

/**
 * RT-mDL's offline optimiser (issue 13): samples strategies with a seeded generator and simulates them, trains the
 * random-forest proxy ({@link MissRateProxy}) and measures its error on held-out simulated strategies, runs NSGA-II
 * over the proxy ({@link StrategyProblem}), then simulates the best proxy-feasible strategies (least accuracy loss
 * first) and returns the first whose simulated miss rates meet every zeta. Every strategy it can return is within the
 * storage bound (every variant it keeps, {@link StrategySpace#storageOf}): the search's results are filtered by the
 * exact storage, and the all-smallest strategy (which fits, else {@link StrategySpace#of} refuses the bound) is the
 * fallback.
 *
 * @param space     the tasks, tolerances and bound
 * @param simulator runs a strategy (a {@link StrategySimulator})
 * @param settings  sizes and seed
 */
public record RtmdlOptimizer(StrategySpace space, MissRateOracle simulator, OptimizerSettings settings) {

    /** Progress: {@code done} of {@code total} steps (simulations and NSGA-II generations), and the phase. */
    @FunctionalInterface
    public interface Listener {
        /** Called after each step. */
        void progress(long done, long total, String phase);
    }

    /** @return total progress steps of {@link #optimize} (the verifying simulations at their maximum) */
    public long totalSteps() {
        return settings.samples() + settings.holdout() + 1L + generations() + settings.verify();
    }

    private int generations() {
        return (settings.evaluations() + settings.population() - 1) / settings.population();
    }

    /**
     * Runs the search.
     *
     * @param listener progress
     * @return the chosen strategy and its figures
     */
    public OptimizerResult optimize(Listener listener) {
        long total = totalSteps();
        long[] done = {0};
        List<Candidate> sample = sample(settings.samples() + settings.holdout(), new Random(settings.seed()));
        List<double[]> miss = new ArrayList<>();
        for (Candidate c : sample) {
            miss.add(simulator.missRates(c));
            listener.progress(++done[0], total, "simulating sampled strategies");
        }
        double[] fullMiss = simulator.missRates(space.fullSize());
        listener.progress(++done[0], total, "simulating the full-size models");
        int n = settings.samples();
        MissRateProxy proxy = MissRateProxy.train(space, sample.subList(0, n), miss.subList(0, n), settings.seed());
        double mae = proxy.meanAbsoluteError(sample.subList(n, sample.size()), miss.subList(n, miss.size()));

        StrategyProblem problem = new StrategyProblem(space, proxy);
        PRNG.setSeed(settings.seed());
        NSGAII nsga = new NSGAII(problem);
        nsga.setInitialPopulationSize(settings.population());
        while (nsga.getNumberOfEvaluations() < settings.evaluations()) {
            nsga.step();
            listener.progress(++done[0], total, "NSGA-II over the proxy");
        }
        List<Candidate> ranked = rank(problem, nsga.getResult());

        Candidate best = null;
        double[] bestMiss = null;
        double bestExcess = Double.POSITIVE_INFINITY;
        int verified = 0;
        for (Candidate c : ranked) {
            if (verified == settings.verify()) {
                break;
            }
            double[] m = simulator.missRates(c);
            verified++;
            listener.progress(++done[0], total, "verifying by simulation");
            double excess = excess(m);
            if (excess < bestExcess) {
                best = c;
                bestMiss = m;
                bestExcess = excess;
            }
            if (excess == 0) {
                break;
            }
        }
        listener.progress(total, total, "done");
        return new OptimizerResult(space, settings, best, proxy.predict(best), bestMiss, bestExcess == 0, verified,
                mae, fullMiss);
    }

    /** @return summed miss-rate excess over zeta (0 = every tolerance met) */
    private double excess(double[] miss) {
        double sum = 0;
        for (int i = 0; i < miss.length; i++) {
            sum += Math.max(0, miss[i] - space.zeta()[i]);
        }
        return sum;
    }

    /**
     * Orders the search's results: proxy-feasible first, then by accuracy loss, predicted miss, storage and the
     * encoding (a total order, so the result does not depend on the population's order); drops strategies over the
     * storage bound and repeats of a run already listed (same variants and priorities, more kept); the all-smallest
     * strategy last as the fallback.
     */
    private List<Candidate> rank(StrategyProblem problem, Iterable<Solution> result) {
        Set<Candidate> seen = new LinkedHashSet<>();
        Set<Candidate> runs = new HashSet<>();
        List<Solution> sols = new ArrayList<>();
        for (Solution s : result) {
            sols.add(s);
        }
        sols.sort(Comparator.comparing((Solution s) -> s.violatesConstraints())
                .thenComparingDouble(s -> s.getSumOfConstraintViolations())
                .thenComparingDouble(s -> s.getObjective(0))
                .thenComparingDouble(s -> s.getObjective(1))
                .thenComparingLong(s -> space.storageOf(problem.decode(s)))
                .thenComparing(s -> problem.decode(s).toString()));
        for (Solution s : sols) {
            Candidate c = problem.decode(s);
            if (space.storageOf(c) <= space.boundBytes()
                    && runs.add(new Candidate(c.variants(), c.priorities()))) {
                seen.add(c);
            }
        }
        seen.add(smallest());
        return new ArrayList<>(seen);
    }

    /** @return every task keeping and running the level whose kept storage is least, scenario priorities */
    Candidate smallest() {
        int[] v = new int[space.size()];
        for (int i = 0; i < v.length; i++) {
            for (int k = 1; k < space.keptBytes()[i].length; k++) {
                if (space.keptBytes()[i][k] < space.keptBytes()[i][v[i]]) {
                    v[i] = k;
                }
            }
        }
        return new Candidate(v, space.scenarioPriorities(), v);
    }

    /**
     * Seeded sample: variants uniform over each task's levels, the largest kept variant uniform from the full model
     * to the one it runs, priorities uniform in [1, n].
     */
    private List<Candidate> sample(int count, Random rnd) {
        List<Candidate> out = new ArrayList<>();
        int n = space.size();
        for (int s = 0; s < count; s++) {
            int[] v = new int[n];
            int[] p = new int[n];
            int[] kept = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(space.variantIds().get(i).size());
                p[i] = 1 + rnd.nextInt(n);
                kept[i] = rnd.nextInt(v[i] + 1);
            }
            out.add(new Candidate(v, p, kept));
        }
        return out;
    }
}
