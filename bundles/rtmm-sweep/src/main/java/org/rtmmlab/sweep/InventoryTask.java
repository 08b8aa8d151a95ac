package org.rtmmlab.sweep;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.concurrent.Callable;

/** Asks a member for its plugin inventory ({@link PluginInventory}). */
public final class InventoryTask implements Callable<ArrayList<String>>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private transient HazelcastInstance hazelcast;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcast = hazelcastInstance;
    }

    @Override
    public ArrayList<String> call() {
        return new ArrayList<>(SweepWorker.of(hazelcast).inventory());
    }
}
