package org.rtmmlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.workload.Layer;

/**
 * Contract every {@link AcceleratorModel} (cost model) must meet. Extend it in your plugin's tests (JUnit 5) and
 * supply {@link #model()} and {@link #accelerators()}; override {@link #shapes()} and {@link #monotoneFamilies()}
 * when the model prices only some shapes (e.g. a table).
 *
 * <p>Checks: id and description are set; {@code supports()} is true for every given accelerator; every shape has
 * a positive latency and a positive, finite energy; within each family, latency and energy never decrease as MACs
 * grow; answers are deterministic (the same twice, and the same from two threads at once); a share &lt; 1 of an
 * accelerator is never faster than the whole accelerator.
 */
public abstract class AcceleratorModelContract {

    /** Shares tried by {@link #aShareIsNeverFasterThanTheWholeAccelerator()}. */
    protected static final double[] SHARES = {0.25, 0.5, 0.75};

    /** @return the model under test (a fresh or shared instance; it must be thread-safe) */
    protected abstract AcceleratorModel model();

    /** @return accelerators the model claims to price; non-empty */
    protected abstract List<Accelerator> accelerators();

    /** @return layer shapes to price on every accelerator; default {@link ShapeFamilies#assorted()} */
    protected List<Layer> shapes() {
        return ShapeFamilies.assorted();
    }

    /**
     * @return families of shapes that differ in one dimension; within each family costs must not decrease as
     *         MACs grow. Default: growing K, growing C, growing input Y/X ({@link ShapeFamilies}).
     */
    protected List<List<Layer>> monotoneFamilies() {
        return List.of(ShapeFamilies.growingK(), ShapeFamilies.growingC(), ShapeFamilies.growingYX());
    }

    /** @return model id of the one-layer probe models; default {@code ContractProbe} */
    protected String probeModelId() {
        return "ContractProbe";
    }

    private CostProbe probe() {
        return new CostProbe(probeModelId());
    }

    @Test
    void hasAnIdAndAOneLineDescription() {
        AcceleratorModel m = model();
        assertFalse(m.id() == null || m.id().isBlank(), "id must be set");
        assertFalse(m.description() == null || m.description().isBlank(), "description must be set");
        assertFalse(m.description().contains("\n"), "description must be one line");
    }

    @Test
    void supportsEveryGivenAccelerator() {
        assertFalse(accelerators().isEmpty(), "the contract needs at least one accelerator");
        for (Accelerator a : accelerators()) {
            assertTrue(model().supports(a), "supports() is false for " + a.id());
        }
    }

    @Test
    void everyShapeHasPositiveFiniteLatencyAndEnergy() {
        for (Layer l : shapes()) {
            for (Accelerator a : accelerators()) {
                LayerCost c = probe().cost(model(), l, a);
                String where = l.name() + " on " + a.id() + ": " + c;
                assertTrue(c.latencyNs() > 0, where);
                assertTrue(c.energyPj() > 0 && Double.isFinite(c.energyPj()), where);
            }
        }
    }

    @Test
    void latencyAndEnergyNeverDecreaseAsMacsGrow() {
        for (List<Layer> family : monotoneFamilies()) {
            List<Layer> sorted = new ArrayList<>(family);
            sorted.sort(Comparator.comparingLong(Layer::macs));
            for (Accelerator a : accelerators()) {
                LayerCost previous = null;
                Layer previousLayer = null;
                for (Layer l : sorted) {
                    LayerCost c = probe().cost(model(), l, a);
                    if (previous != null && l.macs() > previousLayer.macs()) {
                        String where = previousLayer.name() + " -> " + l.name() + " on " + a.id() + ": " + previous
                                + " -> " + c;
                        assertTrue(c.latencyNs() >= previous.latencyNs(), "latency decreased: " + where);
                        assertTrue(c.energyPj() >= previous.energyPj(), "energy decreased: " + where);
                    }
                    previous = c;
                    previousLayer = l;
                }
            }
        }
    }

    @Test
    void sameQuestionSameAnswerTwiceAndFromTwoThreads() throws InterruptedException, ExecutionException {
        List<Layer> layers = new ArrayList<>(shapes());
        monotoneFamilies().forEach(layers::addAll);
        List<LayerCost> first = probe().all(model(), layers, accelerators());
        assertEquals(first, probe().all(model(), layers, accelerators()), "second sequential pass differs");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<LayerCost>> a = pool.submit(() -> probe().all(model(), layers, accelerators()));
            Future<List<LayerCost>> b = pool.submit(() -> probe().all(model(), layers, accelerators()));
            assertEquals(first, a.get(), "thread 1 differs");
            assertEquals(first, b.get(), "thread 2 differs");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aShareIsNeverFasterThanTheWholeAccelerator() {
        for (Layer l : shapes()) {
            for (Accelerator a : accelerators()) {
                LayerCost whole = probe().cost(model(), l, a);
                assertEquals(whole, probe().cost(model(), l, a, 1.0), "share 1 must equal the whole accelerator");
                for (double share : SHARES) {
                    LayerCost part = probe().cost(model(), l, a, share);
                    assertTrue(part.latencyNs() >= whole.latencyNs(),
                            l.name() + " on " + a.id() + " share " + share + ": " + part + " faster than " + whole);
                }
            }
        }
    }
}
