package org.rtmmlab.scheduler.classic;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;

/** A {@link SchedulerContext} holding only properties (the classic policies read nothing else at creation). */
final class FakeContext implements SchedulerContext {

    private final Map<String, String> properties;

    FakeContext(Map<String, String> properties) {
        this.properties = new TreeMap<>(properties);
    }

    static FakeContext none() {
        return new FakeContext(Map.of());
    }

    static FakeContext of(String key, String value) {
        return new FakeContext(Map.of(key, value));
    }

    @Override public Scenario scenario() { throw new UnsupportedOperationException(); }
    @Override public Platform platform() { throw new UnsupportedOperationException(); }
    @Override public CostView costs() { throw new UnsupportedOperationException(); }
    @Override public boolean xrbenchCompat() { return false; }
    @Override public long seed() { return 1; }
    @Override public Map<String, String> properties() { return properties; }
}
