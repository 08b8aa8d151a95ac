package org.rtmmlab.workload.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.BundledScenarioProvider;

/**
 * Scenario provider {@code rtmdl}: RT-mDL-style mixed periodic task sets (Ling et al., SenSys 2021) whose tasks have
 * CPU pre- and post-processing stages around a DNN ({@code cpuStagesMs} in the scenario files next to this class):
 * {@code rtmdl/edge-mix} (XRBench models with width variants, for {@code rtmdl/edge-gpu-cpu}),
 * {@code rtmdl/edge-mix-steps} (the same tasks with FLOPs-step variants and private heads) and
 * {@code rtmdl/h100-mix} (full-size models, for {@code rtmdl/h100-cpu}). Models are refs to XRBench models resolved
 * against the other installed scenario providers, so loading needs the {@code xrbench} provider. Thread-safe.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class RtmdlScenarioProvider extends BundledScenarioProvider {

    /** Plugin id. */
    public static final String ID = "rtmdl";
    /** The edge task set (width variants). */
    public static final String EDGE_MIX = "rtmdl/edge-mix";
    /** The edge task set with FLOPs-step variants and private heads (the headline experiment's). */
    public static final String EDGE_MIX_STEPS = "rtmdl/edge-mix-steps";
    /** The H100 task set (full-size models). */
    public static final String H100_MIX = "rtmdl/h100-mix";

    /** Creates the provider (ServiceLoader path: peers found with ServiceLoader). */
    public RtmdlScenarioProvider() {
        super(ID, "RT-mDL mixed task sets with CPU pre/post stages on XRBench models (edge GPU and H100 sets)",
                List.of(new Shipped(EDGE_MIX, "edge-mix.json",
                                "RT-mDL mix for rtmdl/edge-gpu-cpu: 5 tasks with CPU stages, width variants"),
                        new Shipped(EDGE_MIX_STEPS, "edge-mix-steps.json",
                                "RT-mDL mix for rtmdl/edge-gpu-cpu: the edge-mix tasks, FLOPs-step variants with"
                                        + " private heads"),
                        new Shipped(H100_MIX, "h100-mix.json",
                                "RT-mDL mix for rtmdl/h100-cpu: 5 camera-rate tasks with CPU stages, full size")));
    }
}
