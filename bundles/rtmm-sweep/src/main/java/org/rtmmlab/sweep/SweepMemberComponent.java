package org.rtmmlab.sweep;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.engine.catalog.PluginCatalog;

/**
 * The container as a sweep member: with a configuration {@value #PID} (e.g. {@code etc/org.rtmmlab.sweep.member.cfg}
 * in the lab home) the container starts a Hazelcast member that offers {@code cores} cores to the sweeps of its
 * cluster, running points with the container's live plugin catalog. Keys: {@code clusterName} (default
 * {@value SweepCluster#DEFAULT_NAME}), {@code secret}, {@code cores} (default: all), {@code configFile} (a Hazelcast
 * member configuration; default: loopback members, as {@code rtmm sweep --cluster-name}). Without a configuration
 * nothing starts. The member starts on a thread of its own (2-3 s, SCR is not held up) and stops with the
 * component; a changed configuration restarts it.
 */
@Component(service = SweepMemberComponent.class, configurationPid = SweepMemberComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SweepMemberComponent {

    /** Configuration PID. */
    public static final String PID = "org.rtmmlab.sweep.member";

    private static final Logger LOG = Logger.getLogger(SweepMemberComponent.class.getName());

    private final PluginCatalog catalog;
    private final CompletableFuture<HazelcastInstance> member = new CompletableFuture<>();
    private volatile boolean stopped;

    /** @param catalog the container's plugins */
    @Activate
    public SweepMemberComponent(@Reference PluginCatalog catalog, Map<String, Object> config) {
        this.catalog = catalog;
        SweepCluster.Options options = options(config);
        Thread t = new Thread(() -> start(options), "rtmm-sweep-member-start");
        t.setDaemon(true);
        t.start();
    }

    private void start(SweepCluster.Options options) {
        try {
            HazelcastInstance hz = SweepCluster.start(options, new SweepWorker(catalog));
            if (stopped) {
                hz.shutdown();
                member.cancel(false);
                return;
            }
            member.complete(hz);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "sweep member not started: " + e.getMessage(), e);
            member.completeExceptionally(e);
        }
    }

    /** @return the started member, waiting up to {@code seconds} @throws IllegalStateException if it did not start */
    public HazelcastInstance member(long seconds) {
        try {
            return member.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sweep member starts", e);
        } catch (Exception e) {
            throw new IllegalStateException("sweep member not started: " + e, e);
        }
    }

    /** Stops the member. */
    @Deactivate
    void stop() {
        stopped = true;
        member.thenAccept(HazelcastInstance::shutdown);
    }

    static SweepCluster.Options options(Map<String, Object> config) {
        String name = text(config.get("clusterName"));
        String secret = text(config.get("secret"));
        String cores = text(config.get("cores"));
        String file = text(config.get("configFile"));
        int n = Runtime.getRuntime().availableProcessors();
        if (cores != null) {
            try {
                n = Integer.parseInt(cores);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PID + ": cores must be an integer, got '" + cores + "'");
            }
        }
        return new SweepCluster.Options(name == null && file == null ? SweepCluster.DEFAULT_NAME : name, secret,
                Math.max(1, n), file == null ? null : Path.of(file));
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }
}
