package org.rtmmlab.engine.bench;

import java.util.Map;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;

/**
 * The context a policy plans with in a decision benchmark on a {@link SnapshotView}: the scenario, platform and costs
 * of the snapshot, seed 1, no compatibility mode, a horizon of twice the snapshot's clock.
 *
 * @param scenario   the snapshot's scenario
 * @param platform   the snapshot's platform
 * @param costs      the layer costs on that platform
 * @param properties the policy properties (empty: every policy runs with its own defaults)
 */
public record SnapshotContext(Scenario scenario, Platform platform, CostView costs, Map<String, String> properties)
        implements SchedulerContext {

    @Override
    public boolean xrbenchCompat() {
        return false;
    }

    @Override
    public long seed() {
        return 1;
    }

    @Override
    public long horizonNs() {
        return 2 * SnapshotView.NOW_NS;
    }
}
