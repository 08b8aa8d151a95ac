package org.rtmmlab.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;

/**
 * Gogo commands of the lab container: {@code rtmm:list} and {@code rtmm:run}. Runs use the plugins currently
 * deployed, so a scheduler dropped into {@code deploy/} can be evaluated at once. Bad input prints one line and
 * leaves the container running.
 */
@Component(service = RtmmCommands.class, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=list",
    "osgi.command.function=run"
})
public class RtmmCommands {

    private final PluginCatalog catalog;
    private final Evaluator evaluator;
    private final Path dataDir;

    /** DS constructor injection: the catalog service and the container's data directory. */
    @Activate
    public RtmmCommands(@Reference PluginCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
        String data = context.getProperty("rtmm.data.dir");
        this.dataDir = Path.of(data == null ? "data" : data).toAbsolutePath();
    }

    /**
     * Lists every plugin found, by kind, with id, bundle and version.
     *
     * @param all also list the scenarios and platforms the plugins ship
     */
    @Descriptor("list the plugins found (schedulers, accelerator models, scenario providers, reporters)")
    public void list(@Descriptor("also list scenarios and platforms") @Parameter(names = {"-a", "--all"},
            presentValue = "true", absentValue = "false") boolean all) {
        for (String line : CatalogListing.lines(catalog, all)) {
            System.out.println(line);
        }
    }

    /** Runs one evaluation with the deployed plugins and writes its files under {@code data/runs/}. */
    @Descriptor("run one evaluation (summary.json, requests.csv, blocks.csv, report.html): rtmm:run [-c] [--seed N]"
            + " [-s key=value,...] SCENARIO PLATFORM SCHEDULER")
    public void run(
            @Descriptor("XRBench compatibility mode") @Parameter(names = {"-c", "--xrbench-compat"},
                    presentValue = "true", absentValue = "false") boolean compat,
            @Descriptor("root seed") @Parameter(names = {"--seed"}, absentValue = "1") long seed,
            @Descriptor("run properties, comma-separated key=value (scheduler keys and engine.* keys), as --set on"
                    + " the command line; they override ConfigAdmin defaults") @Parameter(names = {"-s", "--set"},
                    absentValue = "") String set,
            @Descriptor("scenario id, e.g. xrbench/VR_gaming") String scenario,
            @Descriptor("platform id, e.g. xrbench/Single_4K__WS") String platform,
            @Descriptor("scheduler id, e.g. edf") String scheduler) {
        Map<String, String> properties;
        try {
            properties = properties(set);
        } catch (IllegalArgumentException e) {
            System.out.println("error: " + e.getMessage());
            return;
        }
        RunConfig config = new RunConfig(scenario, platform, scheduler, seed, 0, compat, properties,
                List.of("json", "csv", "html"));
        Path out = dataDir.resolve("runs").resolve(safe(scenario)).resolve(safe(platform))
                .resolve(safe(scheduler) + "-seed" + seed + (compat ? "-compat" : ""));
        try {
            RunResult r = evaluator.run(config, out, w -> System.out.println("warning: " + w));
            for (TaskResult t : r.perTask()) {
                System.out.printf(Locale.ROOT, "  %-24s released %4d  on time %4d  late %4d  dropped %4d  in flight %2d%n",
                        t.task(), t.frames().released(), t.frames().onTime(), t.frames().late(), t.frames().dropped(),
                        t.frames().inFlight());
            }
            System.out.printf(Locale.ROOT, "XRBench score %.3f, energy %.1f mJ, miss rate %.1f%%; files in %s%n",
                    r.metric("xrbench.score"), r.energyMj(), 100 * r.frames().missRate(), out);
        } catch (InvalidInputException e) {
            System.out.println("error: " + e.getMessage());
        } catch (RuntimeException e) { // a policy failure names the policy and what it did
            System.out.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /** @return {@code k=v,k2=v2} as a sorted map; empty text gives none */
    static Map<String, String> properties(String set) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (set == null || set.isBlank()) {
            return out;
        }
        for (String pair : set.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set: expected key=value, got '" + pair.strip() + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
