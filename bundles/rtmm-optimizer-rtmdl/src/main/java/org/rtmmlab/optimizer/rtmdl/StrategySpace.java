package org.rtmmlab.optimizer.rtmdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.engine.WeightStorage;

/**
 * What the optimiser chooses from, per task of a scenario: the model's variants (index 0 = full, then smaller ones in
 * the model's order), their relative accuracy, the weight storage, the miss-rate tolerance zeta, and the storage
 * bound.
 *
 * <p><b>Storage</b> (RT-mDL's storage-bounded multi-level model scaling, as issue 13 states it: the storage of all
 * variants of all tasks stays under the bound): a strategy keeps, per task, the variants from {@code keptFrom} down
 * to the smallest on the device; their storage is the engine's {@link WeightStorage#totalBytes()} of a model made of
 * just those variants: tensors shared by two or more kept variants counted once (the union of their slices), plus the
 * private tensors of every kept variant. A strategy's storage is the sum over tasks ({@link #storageOf}).
 *
 * @param tasks         task ids in scenario order
 * @param variantIds    per task, the variant ids (index 0 = {@code full})
 * @param accuracy      per task and variant, relative accuracy (full = 1)
 * @param bytes         per task and variant, weight bytes of that variant alone (its own footprint)
 * @param keptBytes     per task and level t, weight bytes of keeping variants t..K-1 on the device (shared tensors
 *                      once, private ones per variant)
 * @param loadPerSecond per task and variant, MACs per second (MACs x rate): a proxy feature
 * @param zeta          per task, the deadline-miss tolerance
 * @param boundBytes    the weight-storage bound, bytes
 * @param scenarioPriorities per task, the scenario's priority (the full-size baseline's)
 */
public record StrategySpace(List<String> tasks, List<List<String>> variantIds, double[][] accuracy, long[][] bytes,
                            long[][] keptBytes, double[][] loadPerSecond, double[] zeta, long boundBytes,
                            int[] scenarioPriorities) {

    /** Default tolerance of the highest priority; each lower priority level doubles it (a guess, see README). */
    static final double TOP_ZETA = 0.05;

    /** Copies the lists. */
    public StrategySpace {
        tasks = List.copyOf(tasks);
        variantIds = variantIds.stream().map(List::copyOf).toList();
    }

    /**
     * Builds the space of a scenario.
     *
     * @param scenario        the resolved scenario
     * @param zetaOverrides   task id to tolerance in [0, 1] (tasks not named get the default, see README)
     * @param boundBytes      weight-storage bound, bytes
     * @param bytesPerElement bytes per weight element
     * @return the space
     * @throws InvalidInputException naming --zeta or --storage-mb when they are wrong
     */
    public static StrategySpace of(Scenario scenario, Map<String, Double> zetaOverrides, long boundBytes,
                                   int bytesPerElement) {
        List<Task> ts = scenario.tasks();
        for (Map.Entry<String, Double> e : zetaOverrides.entrySet()) {
            if (ts.stream().noneMatch(t -> t.id().equals(e.getKey()))) {
                throw new InvalidInputException("--zeta", e.getKey(), "no task '" + e.getKey() + "' in scenario "
                        + scenario.id());
            }
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new InvalidInputException("--zeta", e.getKey(), "must be in [0, 1], got " + e.getValue());
            }
        }
        // distinct priorities, highest first: rank 0 gets TOP_ZETA, rank r gets TOP_ZETA x 2^r (capped at 1)
        List<Integer> levels = new ArrayList<>(new TreeSet<>(ts.stream().map(Task::priority).toList())
                .descendingSet());
        int n = ts.size();
        List<String> ids = new ArrayList<>();
        List<List<String>> variants = new ArrayList<>();
        double[][] acc = new double[n][];
        long[][] bytes = new long[n][];
        long[][] kept = new long[n][];
        double[][] load = new double[n][];
        double[] zeta = new double[n];
        int[] prio = new int[n];
        long smallest = 0;
        for (int i = 0; i < n; i++) {
            Task t = ts.get(i);
            Model m = scenario.model(t.model());
            WeightStorage ws = WeightStorage.of(m, bytesPerElement);
            ids.add(t.id());
            prio[i] = t.priority();
            List<String> vs = new ArrayList<>();
            acc[i] = new double[m.variantCount()];
            bytes[i] = new long[m.variantCount()];
            kept[i] = new long[m.variantCount()];
            load[i] = new double[m.variantCount()];
            long min = Long.MAX_VALUE;
            for (int v = 0; v < m.variantCount(); v++) {
                vs.add(m.variantId(v));
                acc[i][v] = m.accuracyOf(v);
                bytes[i][v] = ws.variantBytes().get(m.variantId(v));
                long macs = 0;
                for (var l : m.layersOf(v)) {
                    macs += l.macs();
                }
                load[i][v] = macs * 1e9 / t.periodNs();
                kept[i][v] = keptBytes(m, v, bytesPerElement);
                min = Math.min(min, kept[i][v]);
            }
            smallest += min;
            variants.add(vs);
            Double z = zetaOverrides.get(t.id());
            zeta[i] = z != null ? z : Math.min(1, TOP_ZETA * Math.pow(2, levels.indexOf(t.priority())));
        }
        if (boundBytes < smallest) {
            throw new InvalidInputException("--storage-mb", "", "the bound " + boundBytes + " bytes is below what the"
                    + " smallest variant of every task needs together (" + smallest + " bytes); no strategy fits");
        }
        return new StrategySpace(ids, variants, acc, bytes, kept, load, zeta, boundBytes, prio);
    }

    /**
     * @return bytes of keeping variants {@code from}..K-1 of {@code m}: the engine's accounting of a model made of
     *         exactly those variants (shared tensors once, private ones per variant)
     */
    static long keptBytes(Model m, int from, int bytesPerElement) {
        List<Variant> smaller = new ArrayList<>();
        for (int v = from + 1; v < m.variantCount(); v++) {
            smaller.add(new Variant(m.variantId(v), m.accuracyOf(v), m.layersOf(v), ""));
        }
        return WeightStorage.of(new Model(m.id(), m.task(), m.layersOf(from), smaller), bytesPerElement).totalBytes();
    }

    /** @return the full models at the scenario's priorities, every variant kept (RT-mDL without scaling) */
    public Candidate fullSize() {
        return new Candidate(new int[size()], scenarioPriorities, new int[size()]);
    }

    /** @return the number of tasks */
    public int size() {
        return tasks.size();
    }

    /** @return weight bytes of every variant the strategy keeps on the device, summed over tasks */
    public long storageOf(Candidate c) {
        long sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += keptBytes[i][c.keptFrom(i)];
        }
        return sum;
    }

    /** @return sum over tasks of LOSS_i / ACC_i^max = 1 - relative accuracy of the chosen variant */
    public double lossOf(Candidate c) {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += (accuracy[i][0] - accuracy[i][c.variant(i)]) / accuracy[i][0];
        }
        return sum;
    }
}
