package @PACKAGE@;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import java.util.Map;
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

/**
 * Cost model {@code @NAME@}: a roofline. A layer takes the longer of its compute time (MACs / (PEs x clock), one
 * MAC per PE and cycle) and its memory time (weights + inputs + outputs, {@code elementBytes} bytes each, at the
 * off-chip bandwidth), rounded up to whole ns; its energy is {@code pjPerMac} per MAC plus {@code pjPerByte} per
 * byte moved. A simple first-order model, not a measured one: replace {@link #layerCost} with yours.
 *
 * <p>Accelerators whose {@code costModel} is {@code @NAME@} are priced by it; it ships one platform,
 * {@code @NAME@/duo}, with a large and a small NPU.
 */
@Component(service = AcceleratorModel.class)
@ServiceProvider(value = AcceleratorModel.class, resolution = Resolution.OPTIONAL)
public final class @CLASS@ implements AcceleratorModel {

    /** Cost model id: the {@code costModel} of the accelerators it prices. */
    public static final String ID = "@NAME@";

    /** Creates the (stateless) model. */
    public @CLASS@() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "roofline: max(MACs / (PEs x clock), bytes / off-chip bandwidth); pJ per MAC and per byte";
    }

    /** The attributes it reads, all optional positive numbers: any other attribute is a misspelling. */
    private static final List<String> ATTRIBUTES = List.of("elementBytes", "pjPerMac", "pjPerByte");

    /** Rejects unknown attributes and values that are not positive numbers, naming the attribute. */
    @Override
    public void check(Accelerator accelerator) {
        AcceleratorModel.super.check(accelerator);
        for (Map.Entry<String, String> e : accelerator.attributes().entrySet()) {
            String path = "attributes." + e.getKey();
            if (!ATTRIBUTES.contains(e.getKey())) {
                throw new InvalidInputException("", path, "unknown attribute of cost model '" + ID + "' (known: "
                        + String.join(", ", ATTRIBUTES) + ")");
            }
            double v;
            try {
                v = Double.parseDouble(e.getValue());
            } catch (NumberFormatException x) {
                v = Double.NaN;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new InvalidInputException("", path, "must be a positive number, got '" + e.getValue() + "'");
            }
        }
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
        Layer l = model.layersOf(variant).get(layer);
        double elementBytes = number(accelerator, "elementBytes", 1);
        double bytes = (l.weightElements() + l.inputElements() + l.outputElements()) * elementBytes;
        double computeS = l.macs() / (accelerator.peCount() * accelerator.clockHz());
        double memoryS = bytes / (accelerator.offchipBandwidth() * accelerator.clockHz());
        long latencyNs = Math.max(1, (long) Math.ceil(Math.max(computeS, memoryS) * 1e9));
        double energyPj = l.macs() * number(accelerator, "pjPerMac", 1.0) + bytes * number(accelerator, "pjPerByte", 10.0);
        return new LayerCost(latencyNs, energyPj);
    }

    private static double number(Accelerator accelerator, String key, double fallback) {
        return Double.parseDouble(accelerator.attribute(key, Double.toString(fallback)));
    }

    @Override
    public List<Platform> platforms() {
        return List.of(new Platform(ID + "/duo", "a 4096-PE and a 1024-PE NPU priced by " + ID,
                List.of(npu("big", 4096), npu("small", 1024))));
    }

    private static Accelerator npu(String id, int peCount) {
        return Accelerator.builder(id, ID).kind(AcceleratorKind.NPU).peCount(peCount).dataflow(Dataflow.WS)
                .clockHz(1e9).nocBandwidth(256).offchipBandwidth(64).l2Bytes(4 << 20).idlePowerW(0.1).build();
    }
}
