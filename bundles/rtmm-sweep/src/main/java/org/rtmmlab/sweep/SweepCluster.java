package org.rtmmlab.sweep;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.XmlClientConfigBuilder;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rtmmlab.api.InvalidInputException;

/**
 * Starts the Hazelcast side of a sweep. Without a configuration file: an embedded member bound to 127.0.0.1 only,
 * multicast and auto-detection off; without a cluster name it joins nobody (a cluster of its own), with one it joins
 * by TCP/IP the members on 127.0.0.1 (ports 5701-5720) of that name, e.g. {@code rtmm sweep --serve} processes. With {@code --cluster FILE}: a Hazelcast member configuration (XML or YAML, root {@code hazelcast})
 * makes this process a member of that cluster, offering its cores too; a client configuration (root
 * {@code hazelcast-client}) makes it a client that only coordinates. Either way a cluster name and a shared secret
 * given here override the file's name: the secret is folded into the cluster name, so only members given the same
 * secret join (Hazelcast's open-source edition has no member authentication; the name travels in clear text, so
 * this keeps strangers' and stale members out of a sweep, it is no protection against an attacker on the network).
 */
public final class SweepCluster {

    /** Name of the executor service that runs points. */
    public static final String EXECUTOR = "rtmm-sweep";
    /** Member attribute: how many points the member runs at once. */
    public static final String CORES = "rtmm.sweep.cores";
    /** Default cluster name. */
    public static final String DEFAULT_NAME = "rtmm-sweep";
    /** First port of the embedded members. */
    public static final int PORT = 5701;

    /** Hazelcast's JUL logger (see hazelcast.logging.type below), held so its level is not lost to GC. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private static final Logger NODE_LOG = Logger.getLogger("com.hazelcast.instance.impl.Node");

    static {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        // a lone member says "No join method is enabled! Starting standalone." at WARNING: that is what it should do
        NODE_LOG.setFilter(r -> !String.valueOf(r.getMessage())
                .contains("No join method is enabled"));
    }

    private SweepCluster() {
    }

    /**
     * Where to run points.
     *
     * @param clusterName cluster name, or null for the file's (default {@value #DEFAULT_NAME}); without a file, null
     *                    starts a lone member
     * @param secret      shared secret, or null for none
     * @param cores       points this process runs at once as a member (0: it only coordinates)
     * @param configFile  Hazelcast member or client configuration, or null for the embedded member
     */
    public record Options(String clusterName, String secret, int cores, Path configFile) {
    }

    /**
     * Starts a member (or client) for {@code worker}.
     *
     * @param worker runs points on this member (ignored for a client)
     * @return the instance; the caller shuts it down
     */
    public static HazelcastInstance start(Options o, SweepWorker worker) {
        if (o.configFile() != null && isClientConfig(o.configFile())) {
            return HazelcastClient.newHazelcastClient(clientConfig(o));
        }
        return Hazelcast.newHazelcastInstance(memberConfig(o, worker));
    }

    /** @return the member configuration of {@code o}, with {@code worker} in its user context */
    public static Config memberConfig(Options o, SweepWorker worker) {
        Config c;
        if (o.configFile() == null) {
            c = new Config().setClusterName(DEFAULT_NAME);
            NetworkConfig n = c.getNetworkConfig().setPort(PORT).setPortAutoIncrement(true).setPortCount(20);
            n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            JoinConfig j = n.getJoin();
            j.getMulticastConfig().setEnabled(false);
            j.getAutoDetectionConfig().setEnabled(false);
            if (o.clusterName() == null) { // a lone member: a name of its own, joins nobody
                c.setClusterName(DEFAULT_NAME + "-" + java.util.UUID.randomUUID());
                j.getTcpIpConfig().setEnabled(false);
            } else {
                j.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
            }
            c.setProperty("hazelcast.socket.bind.any", "false");
        } else {
            try {
                c = Config.loadFromFile(o.configFile().toFile());
            } catch (IOException | RuntimeException e) {
                throw new InvalidInputException(o.configFile().toString(), "", "not a Hazelcast member "
                        + "configuration: " + firstLine(e));
            }
        }
        if (o.configFile() != null || o.clusterName() != null) {
            c.setClusterName(name(o, c.getClusterName()));
        }
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.getUserCodeDeploymentConfig().setEnabled(false);
        int cores = Math.max(1, o.cores());
        c.getExecutorConfig(EXECUTOR).setPoolSize(cores);
        c.getMemberAttributeConfig().setAttribute(CORES, Integer.toString(o.cores()));
        c.setClassLoader(SweepWorker.class.getClassLoader()); // tasks load from this bundle (OSGi: mandatory)
        c.getUserContext().put(SweepWorker.KEY, worker);
        return c;
    }

    private static ClientConfig clientConfig(Options o) {
        ClientConfig c;
        try {
            String file = o.configFile().toString().toLowerCase(Locale.ROOT);
            c = file.endsWith(".yaml") || file.endsWith(".yml") ? new YamlClientConfigBuilder(o.configFile().toFile())
                    .build() : new XmlClientConfigBuilder(o.configFile().toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(o.configFile().toString(), "", "not a Hazelcast client configuration: "
                    + firstLine(e));
        }
        c.setClusterName(name(o, c.getClusterName()));
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setClassLoader(SweepWorker.class.getClassLoader());
        return c;
    }

    /** @return the effective cluster name: the given or configured one, with the secret folded in */
    static String name(Options o, String configured) {
        String base = o.clusterName() != null ? o.clusterName() : configured == null || configured.isBlank()
                || "dev".equals(configured) ? DEFAULT_NAME : configured;
        if (o.secret() == null || o.secret().isEmpty()) {
            return base;
        }
        return base + "-" + InputFile.sha256(("rtmm-sweep:" + o.secret()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    /** @return whether the file is a client configuration (root element or key {@code hazelcast-client}) */
    static boolean isClientConfig(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("hazelcast-client");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
