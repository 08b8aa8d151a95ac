package org.rtmmlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * The plugins of a benchmark JVM, found through ServiceLoader on the classpath as on the command line, and the
 * workloads the figures name. One catalog per JVM (JMH forks a JVM per benchmark).
 */
final class Lab {

    /** The heaviest XRBench scenario. */
    static final String HEAVY_SCENARIO = "xrbench/AR_Assistant";
    /** Four accelerators: the heaviest-scenario platform. */
    static final String QUAD = "xrbench/Quad_8K__WS_OS_WS_OS";
    /** Two accelerators: AR_Assistant overloads it. */
    static final String DUAL = "xrbench/Dual_4K__WS_OS";
    /** The seven XRBench usage scenarios of the paper's Figure 5. */
    static final List<String> FIG5_SCENARIOS = List.of("xrbench/AR_Assistant", "xrbench/AR_gaming",
            "xrbench/VR_gaming", "xrbench/outdoor_activity_A", "xrbench/outdoor_activity_B",
            "xrbench/social_interactionA", "xrbench/social_interactionB");

    private static PluginCatalog catalog;

    private Lab() {
    }

    /** @return the JVM's catalog (loaded on first use; a plugin that fails to load is reported on stderr) */
    static synchronized PluginCatalog catalog() {
        if (catalog == null) {
            catalog = ServiceLoaderCatalog.load(Lab.class.getClassLoader(), e -> System.err.println("[bench] " + e));
        }
        return catalog;
    }

    /** @return a new catalog: new instances of every plugin, so nothing a plugin keeps (prices) is warm */
    static PluginCatalog freshCatalog() {
        return ServiceLoaderCatalog.load(Lab.class.getClassLoader(), e -> System.err.println("[bench] " + e));
    }

    /** @return the ids of every installed scheduler, sorted */
    static List<String> schedulers() {
        List<String> ids = new ArrayList<>();
        for (PluginDescriptor d : catalog().plugins(PluginKind.SCHEDULER)) {
            if (!ids.contains(d.id())) {
                ids.add(d.id());
            }
        }
        ids.sort(null);
        return ids;
    }

    /** @return the ids of the XRBench platforms (the 26 settings of the paper), sorted */
    static List<String> xrbenchPlatforms() {
        List<String> ids = new ArrayList<>();
        for (Platform p : catalog().platforms()) {
            if (p.id().startsWith("xrbench/")) {
                ids.add(p.id());
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Runs one configuration in the default engine with no output files. */
    static RunResult run(Evaluator evaluator, String scenario, String platform, String scheduler, long durationNs,
                         Map<String, String> properties) {
        return evaluator.run(new RunConfig(scenario, platform, scheduler, 1, durationNs, false, properties,
                List.of()), null, null);
    }
}
