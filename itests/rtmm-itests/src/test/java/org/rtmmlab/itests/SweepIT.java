package org.rtmmlab.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.hazelcast.core.HazelcastInstance;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.sweep.PluginInventory;
import org.rtmmlab.sweep.ResultStore;
import org.rtmmlab.sweep.SweepCluster;
import org.rtmmlab.sweep.SweepMemberComponent;
import org.rtmmlab.sweep.SweepPlan;
import org.rtmmlab.sweep.SweepPoint;
import org.rtmmlab.sweep.SweepRunner;
import org.rtmmlab.sweep.SweepSpecReader;
import org.rtmmlab.sweep.SweepWorker;

/**
 * The container as a sweep member (issue 14): Hazelcast 5.5.0 and rtmm-sweep resolve in Felix with the distribution's
 * bundles; a container given an {@code org.rtmmlab.sweep.member} configuration starts a member that runs the points a
 * coordinator (with no cores of its own) sends, with the container's plugins, and the results equal the same runs
 * made alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SweepIT {

    @Inject
    BundleContext context;

    @Inject
    PluginCatalog catalog;

    @Inject
    ConfigurationAdmin configAdmin;

    /** The distribution's bundles. */
    @Configuration
    public Option[] config() {
        File[] jars = new File(System.getProperty("itest.bundles")).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + System.getProperty("itest.bundles"));
        }
        Arrays.sort(jars);
        List<Option> options = new ArrayList<>();
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("org.osgi.service.http.port").value("0"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("org.osgi.framework.bootdelegation").value("jdk.net"));
        // the evaluation service and the dashboard write their state there: never into the checkout
        options.add(frameworkProperty("rtmm.data.dir").value(Path.of(System.getProperty("itest.work"))
                .resolve("sweep").resolve("data").toString()));
        options.add(systemProperty("itest.work").value(System.getProperty("itest.work")));
        options.add(junitBundles());
        options.add(cleanCaches());
        return options.toArray(new Option[0]);
    }

    @Test
    public void aConfiguredContainerRunsTheSweepsPoints() throws Exception {
        String cluster = "rtmm-sweep-it-" + UUID.randomUUID();
        var cfg = configAdmin.getConfiguration(SweepMemberComponent.PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("clusterName", cluster);
        props.put("cores", "2");
        cfg.update(props);
        ServiceTracker<SweepMemberComponent, SweepMemberComponent> tracker = new ServiceTracker<>(context,
                SweepMemberComponent.class, null);
        tracker.open();
        HazelcastInstance coordinator = null;
        try {
            SweepMemberComponent component = tracker.waitForService(60_000);
            assertNotNull("the sweep member component is active", component);
            HazelcastInstance member = component.member(60);
            String memberAddress = member.getCluster().getLocalMember().getAddress().toString();

            coordinator = SweepCluster.start(new SweepCluster.Options(cluster, null, 0, null),
                    new SweepWorker(catalog));
            assertEquals(2, coordinator.getCluster().getMembers().size());
            Path work = Path.of(System.getProperty("itest.work")).resolve("sweep").resolve("run-" + UUID.randomUUID());
            Files.createDirectories(work);
            String spec = "{\"version\": 1, \"schedulers\": [\"fcfs\", \"edf\"], \"scenarios\": [\"xrbench/VR_gaming\"],"
                    + " \"platforms\": [\"xrbench/Dual_4K__WS_OS\"], \"seeds\": {\"from\": 1, \"to\": 4},"
                    + " \"durationMs\": [40]}";
            SweepPlan plan = SweepPlan.build(SweepSpecReader.parse("it.json", work, new StringReader(spec)),
                    work.resolve("out"), catalog);
            ResultStore store = new ResultStore(work.resolve("out"));
            Map<String, Integer> perMember = new TreeMap<>();
            SweepRunner.Outcome o = new SweepRunner(coordinator, PluginInventory.of(catalog), store,
                    new SweepRunner.Listener() {
                        @Override
                        public void pointDone(SweepPoint p, String m) {
                            perMember.merge(m, 1, Integer::sum);
                        }
                    }).run(plan);
            assertEquals(Map.of(), o.failed());
            assertEquals(Map.of(memberAddress, 8), perMember);
            assertEquals(8, store.done().size());
            SweepPoint first = plan.points().get(0);
            Path alone = work.resolve("alone");
            new Evaluator(catalog).run(first.config(), alone, w -> { });
            assertArrayEquals(Files.readAllBytes(alone.resolve("summary.json")),
                    Files.readAllBytes(store.pointDir(first.id()).resolve("summary.json")));

            // rtmm:sweep from the shell goes through the configured member
            Path specFile = Files.writeString(work.resolve("shell.json"), spec);
            var refs = context.getServiceReferences((String) null,
                    "(&(osgi.command.scope=rtmm)(osgi.command.function=sweep))");
            assertNotNull("rtmm:sweep is registered", refs);
            Object commands = context.getService(refs[0]);
            commands.getClass().getMethod("sweep", String[].class).invoke(commands, (Object) new String[] {"--spec",
                specFile.toString(), "--out", work.resolve("shell").toString()});
            assertEquals(8, new ResultStore(work.resolve("shell")).done().size());
            assertArrayEquals(Files.readAllBytes(store.pointDir(first.id()).resolve("summary.json")),
                    Files.readAllBytes(work.resolve("shell/points").resolve(first.id()).resolve("summary.json")));
        } finally {
            if (coordinator != null) {
                coordinator.shutdown();
            }
            cfg.delete();
            tracker.close();
        }
    }
}
