package org.rtmmlab.workload.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.PeerProviders;
import org.rtmmlab.json.ScenarioFiles;

/**
 * Scenario provider {@code rtmdl}: RT-mDL-style mixed periodic task sets (Ling et al., SenSys 2021) whose tasks have
 * CPU pre- and post-processing stages around a DNN ({@code cpuStagesMs} in the scenario files next to this class):
 * {@code rtmdl/edge-mix} (XRBench models with width variants, for {@code rtmdl/edge-gpu-cpu}) and
 * {@code rtmdl/h100-mix} (full-size models, for {@code rtmdl/h100-cpu}). Models are refs to XRBench models resolved
 * against the other installed scenario providers, so loading needs the {@code xrbench} provider. Thread-safe.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class RtmdlScenarioProvider implements ScenarioProvider {

    /** Plugin id. */
    public static final String ID = "rtmdl";
    /** The edge task set (width variants). */
    public static final String EDGE_MIX = "rtmdl/edge-mix";
    /** The H100 task set (full-size models). */
    public static final String H100_MIX = "rtmdl/h100-mix";

    private static final java.util.Map<String, String> RESOURCES = java.util.Map.of(EDGE_MIX, "edge-mix.json",
            H100_MIX, "h100-mix.json");

    private final PeerProviders peers = new PeerProviders(this);

    /** Creates the provider (ServiceLoader path: peers found with ServiceLoader). */
    public RtmdlScenarioProvider() {
    }

    /** DS activation: peers are the other scenario provider services, tracked from the first load on. */
    @Activate
    void activate(BundleContext context) {
        peers.osgi(context);
    }

    /** DS deactivation: releases the tracked peers. */
    @Deactivate
    void deactivate() {
        peers.close();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "RT-mDL mixed task sets with CPU pre/post stages on XRBench models (edge GPU and H100 sets)";
    }

    @Override
    public List<Info> scenarios() {
        return List.of(new Info(EDGE_MIX, "RT-mDL mix for rtmdl/edge-gpu-cpu: 5 tasks with CPU stages, width variants"),
                new Info(H100_MIX, "RT-mDL mix for rtmdl/h100-cpu: 5 camera-rate tasks with CPU stages, full size"));
    }

    @Override
    public Scenario load(String scenarioId) {
        String resource = RESOURCES.get(scenarioId);
        if (resource == null) {
            throw new InvalidInputException(ID, "", "unknown scenario id '" + scenarioId + "'; known ids: " + EDGE_MIX
                    + ", " + H100_MIX);
        }
        return ScenarioFiles.resource(RtmdlScenarioProvider.class, resource, peers.resolver());
    }
}
