package org.rtmmlab.optimizer.rtmdl;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * RT-mDL's random-forest proxy: predicts every task's miss rate from a strategy, trained on simulated runs. A Tribuo
 * random forest (bagged CART regression trees, averaged; one output dimension per task).
 *
 * <p>Features per task: variant index, priority, priority rank among the tasks, the variant's MACs per second (work
 * it brings), and the summed MACs per second of the tasks with a priority at least as high (work that competes
 * with it); plus the total MACs per second. Which features and the forest's size are our choices (a guess: the
 * paper's feature set is not in our sources).
 */
public final class MissRateProxy {

    /** Trees in the forest. */
    static final int TREES = 60;
    /** Maximum tree depth. */
    static final int DEPTH = 10;

    private static final RegressionFactory FACTORY = new RegressionFactory();
    /** Tribuo logs every tree it builds at INFO (java.util.logging); kept referenced so the level sticks. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final StrategySpace space;
    private final String[] featureNames;
    private final String[] outputNames;
    private final Model<Regressor> forest;

    private MissRateProxy(StrategySpace space, Model<Regressor> forest) {
        this.space = space;
        this.featureNames = featureNames(space);
        this.outputNames = outputNames(space);
        this.forest = forest;
    }

    /**
     * Trains the forest.
     *
     * @param space      the tasks
     * @param strategies sampled strategies
     * @param missRates  per strategy, per task, the simulated miss rate
     * @param seed       the forest's seed
     * @return the proxy
     */
    public static MissRateProxy train(StrategySpace space, List<Candidate> strategies, List<double[]> missRates,
                                      long seed) {
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("simulated rtmdl runs", FACTORY), FACTORY);
        String[] f = featureNames(space);
        String[] o = outputNames(space);
        for (int s = 0; s < strategies.size(); s++) {
            data.add(new ArrayExample<>(new Regressor(o, missRates.get(s)), f, features(space, strategies.get(s))));
        }
        CARTRegressionTrainer tree = new CARTRegressionTrainer(DEPTH, 1.0f, 0.0f, 0.6f, false,
                new MeanSquaredError(), seed);
        RandomForestTrainer<Regressor> rf = new RandomForestTrainer<>(tree, new AveragingCombiner(), TREES, seed);
        return new MissRateProxy(space, rf.train(data));
    }

    /** @return per task (space order), the predicted miss rate, clamped to [0, 1] */
    public double[] predict(Candidate c) {
        Example<Regressor> e = new ArrayExample<>(FACTORY.getUnknownOutput(), featureNames, features(space, c));
        Regressor r = forest.predict(e).getOutput();
        double[] out = new double[space.size()];
        for (int i = 0; i < out.length; i++) {
            double v = r.getDimension(outputNames[i]).orElseThrow().getValue();
            out[i] = Math.max(0, Math.min(1, v));
        }
        return out;
    }

    /**
     * @return the mean absolute error of the predicted per-task miss rates over {@code strategies} (all tasks and
     *         strategies weighted equally)
     */
    public double meanAbsoluteError(List<Candidate> strategies, List<double[]> missRates) {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < strategies.size(); s++) {
            double[] p = predict(strategies.get(s));
            for (int i = 0; i < p.length; i++) {
                sum += Math.abs(p[i] - missRates.get(s)[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String[] outputNames(StrategySpace space) {
        String[] o = new String[space.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = "miss." + space.tasks().get(i);
        }
        return o;
    }

    private static String[] featureNames(StrategySpace space) {
        int n = space.size();
        String[] f = new String[5 * n + 1];
        for (int i = 0; i < n; i++) {
            String t = space.tasks().get(i);
            f[5 * i] = t + ".variant";
            f[5 * i + 1] = t + ".priority";
            f[5 * i + 2] = t + ".rank";
            f[5 * i + 3] = t + ".load";
            f[5 * i + 4] = t + ".competing";
        }
        f[5 * n] = "total.load";
        return f;
    }

    /** Loads in giga-MACs per second, so the numbers stay small. */
    private static double[] features(StrategySpace space, Candidate c) {
        int n = space.size();
        double[] x = new double[5 * n + 1];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += space.loadPerSecond()[i][c.variant(i)] / 1e9;
        }
        for (int i = 0; i < n; i++) {
            int above = 0;
            double competing = 0;
            for (int j = 0; j < n; j++) {
                if (c.priority(j) > c.priority(i)) {
                    above++;
                }
                if (c.priority(j) >= c.priority(i)) {
                    competing += space.loadPerSecond()[j][c.variant(j)] / 1e9;
                }
            }
            x[5 * i] = c.variant(i);
            x[5 * i + 1] = c.priority(i);
            x[5 * i + 2] = above;
            x[5 * i + 3] = space.loadPerSecond()[i][c.variant(i)] / 1e9;
            x[5 * i + 4] = competing;
        }
        x[5 * n] = total;
        return x;
    }
}
