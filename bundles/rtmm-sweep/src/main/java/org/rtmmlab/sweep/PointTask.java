package org.rtmmlab.sweep;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rtmmlab.api.run.RunConfig;

/**
 * The distributed task of one point: only the point's configuration and input files travel; the member runs it
 * with its own plugins ({@link SweepWorker}, found in the member's user context) and returns the run's files.
 */
public final class PointTask implements Callable<PointOutcome>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String scenario;
    private final String platform;
    private final String scheduler;
    private final long seed;
    private final long durationNs;
    private final boolean xrbenchCompat;
    private final TreeMap<String, String> properties;
    private final ArrayList<String> reporters;
    private final ArrayList<InputFile> inputs;
    private final String pluginDigest;
    private transient HazelcastInstance hazelcast;

    /**
     * @param point        the point to run
     * @param pluginDigest digest of the coordinator's plugin inventory ({@link PluginInventory#digest})
     */
    public PointTask(SweepPoint point, String pluginDigest) {
        RunConfig c = point.config();
        this.id = point.id();
        this.scenario = c.scenario();
        this.platform = c.platform();
        this.scheduler = c.scheduler();
        this.seed = c.seed();
        this.durationNs = c.durationNs();
        this.xrbenchCompat = c.xrbenchCompat();
        this.properties = new TreeMap<>(c.properties());
        this.reporters = new ArrayList<>(c.reporters());
        this.inputs = new ArrayList<>(point.inputs());
        this.pluginDigest = pluginDigest;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcast = hazelcastInstance;
    }

    @Override
    public PointOutcome call() {
        return SweepWorker.of(hazelcast).run(this);
    }

    /** @return the point id */
    String id() {
        return id;
    }

    /** @return the run configuration */
    RunConfig config() {
        return new RunConfig(scenario, platform, scheduler, seed, durationNs, xrbenchCompat, properties, reporters);
    }

    /** @return the input files */
    List<InputFile> inputs() {
        return inputs;
    }

    /** @return the coordinator's plugin digest */
    String pluginDigest() {
        return pluginDigest;
    }
}
