package org.rtmmlab.workload.xrbench;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * Scenario provider {@code xrbench}: the 7 XRBench usage scenarios and the 4 VR_gaming probability sweeps of
 * XRBench-MLSys2023 (MIT licence, commit 8915666), as scenarios {@code xrbench/<name>}, e.g.
 * {@code xrbench/VR_gaming}. The data ships with the bundle ({@code models.json}, {@code scenarios.json} and
 * {@code NOTICE-XRBench.txt} in this package) and is parsed once; the provider is thread-safe.
 *
 * <p>Registered as a Declarative Services component and, for plain class paths, through
 * {@link java.util.ServiceLoader}.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class XrbenchScenarioProvider implements ScenarioProvider {

    /** Plugin id. */
    public static final String ID = "xrbench";

    /** Creates the provider; data is loaded on first use. */
    public XrbenchScenarioProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "XRBench (MLSys 2023) usage scenarios and VR_gaming probability sweeps, 700 ms each";
    }

    @Override
    public List<Info> scenarios() {
        return XrbenchCatalog.shared().infos();
    }

    @Override
    public Scenario load(String scenarioId) {
        return XrbenchCatalog.shared().scenario(scenarioId);
    }
}
