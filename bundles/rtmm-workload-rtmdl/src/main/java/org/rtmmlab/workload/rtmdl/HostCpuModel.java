package org.rtmmlab.workload.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;

/**
 * Cost model {@code cpu}: a host CPU that runs the CPU stages of tasks ({@link OpType#HOST} layers: pre- and
 * post-processing, RT-mDL's C_i1 and C_i2; issue 13) and nothing else (DNN layers are unsupported on it).
 *
 * <p>A HOST layer of W reference microseconds ({@link Layer#host}) takes {@code round(W x 1000 / speed)} ns, where
 * attribute {@code speed} (default 1) is the CPU's speed relative to the CPU the stage times were stated for;
 * dynamic energy = attribute {@code dynamicPowerW} (default 0: not modelled) x that time. Each of the accelerator's
 * {@code partitions} is one core: a stage is single-threaded, so it takes the same time on any share (the scheduler
 * dispatches it with share 1 / partitions to run several stages at once).
 *
 * <p>{@link #platforms()}: {@code rtmdl/h100-cpu} (the measured H100 fp16 table as the GPU, two streams, plus a
 * 4-core CPU) and {@code rtmdl/edge-gpu-cpu} (an analytic GPU-like PE array, two streams, plus a 4-core CPU); their
 * numbers and what is guessed are in the bundle README. Thread-safe.
 */
@Component(service = AcceleratorModel.class)
@ServiceProvider(value = AcceleratorModel.class, resolution = Resolution.OPTIONAL)
public final class HostCpuModel implements AcceleratorModel {

    /** Plugin id and {@link Accelerator#costModel()} of the CPUs it prices. */
    public static final String ID = "cpu";
    /** Attribute: speed relative to the reference CPU of the stage times, &gt; 0. */
    public static final String SPEED = "speed";
    /** Attribute: power drawn above idle while a stage runs, W, &gt;= 0. */
    public static final String DYNAMIC_POWER_W = "dynamicPowerW";
    /** The platform with the measured H100. */
    public static final String H100_CPU = "rtmdl/h100-cpu";
    /** The platform with the analytic edge GPU. */
    public static final String EDGE_GPU_CPU = "rtmdl/edge-gpu-cpu";

    private static final Set<String> ATTRIBUTES = Set.of(SPEED, DYNAMIC_POWER_W);

    /** Creates the model. */
    public HostCpuModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Host CPU running tasks' pre/post-processing stages (HOST layers) at a relative speed; platforms "
                + H100_CPU + " and " + EDGE_GPU_CPU;
    }

    @Override
    public boolean supports(Accelerator accelerator) {
        return ID.equals(accelerator.costModel()) && accelerator.kind() == AcceleratorKind.CPU;
    }

    /** Requires kind CPU and valid {@code speed} / {@code dynamicPowerW}; rejects other attributes. */
    @Override
    public void check(Accelerator accelerator) {
        if (accelerator.kind() != AcceleratorKind.CPU) {
            throw new InvalidInputException("", "kind", "cost model " + ID + " prices CPU accelerators only, got "
                    + accelerator.kind());
        }
        for (String key : accelerator.attributes().keySet()) {
            if (!ATTRIBUTES.contains(key)) {
                throw new InvalidInputException("", "attributes." + key, "unknown attribute of cost model " + ID
                        + "; allowed: " + String.join(", ", new TreeSet<>(ATTRIBUTES)));
            }
        }
        speed(accelerator);
        dynamicPowerW(accelerator);
    }

    /** Only HOST stages run on the CPU (the lab's CPU does not run DNN layers). */
    @Override
    public boolean supportsLayer(Model model, int variant, int layer, Accelerator accelerator) {
        return model.layersOf(variant).get(layer).type() == OpType.HOST;
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
        Layer l = model.layersOf(variant).get(layer);
        if (l.type() != OpType.HOST) {
            throw new InvalidInputException(ID, model.id() + "/" + l.name(), "a " + l.type()
                    + " layer cannot run on CPU " + accelerator.id() + "; only HOST stages do");
        }
        long ns = Math.max(1, Math.round(l.macs() * 1000.0 / speed(accelerator)));
        return new LayerCost(ns, dynamicPowerW(accelerator) * ns * 1000.0); // 1 W x 1 ns = 1 nJ = 1000 pJ
    }

    /** A stage is single-threaded: one core (any share) runs it in its whole time. */
    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator, double share) {
        return layerCost(model, variant, layer, accelerator);
    }

    @Override
    public List<Platform> platforms() {
        return RtmdlPlatforms.ALL;
    }

    private static double speed(Accelerator a) {
        return positive(a, SPEED, "1", false);
    }

    private static double dynamicPowerW(Accelerator a) {
        return positive(a, DYNAMIC_POWER_W, "0", true);
    }

    private static double positive(Accelerator a, String key, String fallback, boolean zeroOk) {
        String text = a.attribute(key, fallback);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("", "attributes." + key, "not a number: '" + text + "'");
        }
        if (!(zeroOk ? v >= 0 : v > 0) || Double.isInfinite(v)) {
            throw new InvalidInputException("", "attributes." + key, "must be finite and " + (zeroOk ? ">= 0" : "> 0")
                    + ", got " + text);
        }
        return v;
    }

    /** @return a CPU accelerator of {@code cores} cores priced by this model (builder, for platforms and tests) */
    public static Accelerator.Builder cpu(String id, int cores) {
        return Accelerator.builder(id, ID).kind(AcceleratorKind.CPU).dataflow(Dataflow.NONE).peCount(cores)
                .partitions(cores);
    }
}
