package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/** Outside OSGi, peers come from the thread's context class loader (where the CLI puts its --plugins jars). */
class PeerProvidersTest {

    /** A provider registered only in the extra loader's META-INF/services. */
    public static final class Peer implements ScenarioProvider {
        /** For ServiceLoader. */
        public Peer() {
        }

        @Override
        public String id() {
            return "peer";
        }

        @Override
        public String description() {
            return "test peer";
        }

        @Override
        public List<Info> scenarios() {
            return List.of();
        }

        @Override
        public Scenario load(String id) {
            throw new IllegalArgumentException(id);
        }
    }

    private static final ScenarioProvider OWNER = new ScenarioProvider() {
        @Override
        public String id() {
            return "owner";
        }

        @Override
        public String description() {
            return "test owner";
        }

        @Override
        public List<Info> scenarios() {
            return List.of();
        }

        @Override
        public Scenario load(String id) {
            throw new IllegalArgumentException(id);
        }
    };

    @Test
    void providersOfTheContextClassLoaderArePeers(@TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(ScenarioProvider.class.getName()), Peer.class.getName() + "\n");
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        assertEquals(List.of(), new PeerProviders(OWNER).all().stream().map(ScenarioProvider::id).toList(),
                "nothing registered on the test class path");
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                PeerProvidersTest.class.getClassLoader())) {
            t.setContextClassLoader(plugins);
            assertEquals(List.of("peer"), new PeerProviders(OWNER).all().stream().map(ScenarioProvider::id).toList());
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
