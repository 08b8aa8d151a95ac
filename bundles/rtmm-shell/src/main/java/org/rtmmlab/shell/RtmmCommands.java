package org.rtmmlab.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.RunPaths;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * Gogo commands of the lab container: {@code rtmm:list} and {@code rtmm:run}. Runs use the plugins currently
 * deployed, so a scheduler dropped into {@code deploy/} can be evaluated at once. Bad input prints one line and
 * leaves the container running.
 *
 * <p>Immediate, so that it lives as long as the catalog: it reports catalog changes on the console (see
 * {@link #catalogChanged}) and keeps one evaluator (and its cost-table cache) across commands.
 */
@Component(service = RtmmCommands.class, immediate = true, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=list",
    "osgi.command.function=run"
})
public class RtmmCommands {

    /** The synopsis printed after every argument error of {@code rtmm:run}. */
    static final String USAGE = "rtmm:run [-c] [--seed N] [-s key=value,...] [--duration 700ms|10s]"
            + " SCENARIO PLATFORM SCHEDULER";

    private static final String SHADOWING = ", shadowing the one of ";

    private final PluginCatalog catalog;
    private final Evaluator evaluator;
    private final Path dataDir;
    private final BooleanSupplier booted;
    /** PluginCatalog has no removeListener: a deactivated instance's listener stays registered but says nothing. */
    private volatile boolean active = true;

    /** DS constructor injection: the catalog service and the container's data directory. */
    @Activate
    public RtmmCommands(@Reference PluginCatalog catalog, BundleContext context) {
        this(catalog, dataDir(context), frameworkActive(context));
    }

    /**
     * @param catalog the plugins
     * @param dataDir where {@code runs/} goes
     * @param booted  true once the framework has started and until it begins to stop: catalog additions and
     *                removals are printed only then (shadowing additions always)
     */
    RtmmCommands(PluginCatalog catalog, Path dataDir, BooleanSupplier booted) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
        this.dataDir = dataDir;
        this.booted = booted;
        catalog.addListener(this::catalogChanged);
    }

    private static Path dataDir(BundleContext context) {
        String data = context.getProperty("rtmm.data.dir");
        return Path.of(data == null ? "data" : data).toAbsolutePath();
    }

    /** @return true while the framework is ACTIVE: after start-up (STARTING) and before shutdown (STOPPING) */
    private static BooleanSupplier frameworkActive(BundleContext context) {
        Bundle system = context.getBundle(0);
        return () -> system.getState() == Bundle.ACTIVE;
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    /**
     * Prints a catalog change as {@code [rtmm] <line>} on the console. A plugin shadowing another of the same kind
     * and id is always printed (that is what a user must not miss); other additions and removals only while the
     * framework is ACTIVE, i.e. hot deployment, not the dozens of bundled plugins binding at boot or going at
     * shutdown. Called on the thread that changed the catalog (SCR, FileInstall), whose System.out is the console,
     * not a Gogo session.
     */
    void catalogChanged(String event) {
        if (active && (event.contains(SHADOWING) || booted.getAsBoolean())) {
            System.out.println("[rtmm] " + oneLine(event));
        }
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

    /**
     * Runs one evaluation with the deployed plugins and writes its files under {@code data/runs/}. Takes its
     * arguments as words and parses them itself, so a mistake prints one {@code error: ...; usage: ...} line
     * instead of Gogo's coercion error.
     */
    @Descriptor("run one evaluation (summary.json, requests.csv, blocks.csv, report.html): " + USAGE
            + "; -c/--xrbench-compat XRBench compatibility mode, --seed root seed (default 1), -s/--set run"
            + " properties (scheduler keys and engine.* keys, as --set on the command line; they override ConfigAdmin"
            + " defaults; repeatable), --duration simulated time (ns, us, ms, s, m, h; default: the scenario's own);"
            + " a relative *.json scenario or platform file is relative to the container's working directory")
    public void run(@Descriptor("[options] SCENARIO PLATFORM SCHEDULER, e.g. xrbench/VR_gaming"
            + " xrbench/Single_4K__WS edf") String... args) {
        RunArgs a;
        try {
            a = RunArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("error: " + oneLine(e.getMessage()) + "; usage: " + USAGE);
            return;
        }
        if (a == null) {
            System.out.println("usage: " + USAGE);
            return;
        }
        RunConfig config;
        try {
            config = new RunConfig(absoluteFile(a.scenario()), absoluteFile(a.platform()), a.scheduler(), a.seed(),
                    a.durationNs(), a.compat(), a.properties(), List.of("json", "csv", "html"));
        } catch (IllegalArgumentException e) {
            System.out.println("error: " + oneLine(e.getMessage()) + "; usage: " + USAGE);
            return;
        }
        // named after the ids as typed (as the command line's results/ directories), not the absolute file paths
        Path out = RunPaths.forRun(dataDir.resolve("runs"), RunConfig.of(a.scenario(), a.platform(), a.scheduler(),
                a.seed()).withXrbenchCompat(a.compat()));
        try {
            String shadow = shadowWarning(catalog, a.scheduler());
            if (shadow != null) {
                System.out.println(shadow);
            }
            RunResult r = evaluator.run(config, out, w -> System.out.println("warning: " + oneLine(w)));
            for (TaskResult t : r.perTask()) {
                System.out.printf(Locale.ROOT, "  %-24s released %4d  on time %4d  late %4d  dropped %4d  in flight %2d%n",
                        t.task(), t.frames().released(), t.frames().onTime(), t.frames().late(), t.frames().dropped(),
                        t.frames().inFlight());
            }
            System.out.printf(Locale.ROOT, "XRBench score %.3f, energy %.1f mJ, miss rate %.1f%%; files in %s%n",
                    r.metric("xrbench.score"), r.energyMj(), 100 * r.frames().missRate(), out);
        } catch (RuntimeException | Error e) {
            // a policy failure names the policy and what it did (SchedulingException, InvalidInputException); an
            // Error a plugin throws (AssertionError, StackOverflowError, LinkageError) fails only this run, but the
            // JVM's own trouble (OutOfMemoryError, InternalError) is not ours to swallow
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            System.out.println("error: " + oneLine(describe(e, a.scheduler())));
        }
    }

    private static String describe(Throwable e, String scheduler) {
        if (e instanceof RuntimeException) {
            return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
        }
        // an Error escapes the engine unwrapped: say what it was (the class matters) and which run it broke
        return "the run of scheduler '" + scheduler + "' failed with " + e;
    }

    /**
     * @return a warning naming the plugins the scheduler {@code id} shadows (other schedulers of that id, added
     *         earlier, that the look-up does not use), or {@code null} if none
     */
    static String shadowWarning(PluginCatalog catalog, String id) {
        Optional<PluginDescriptor> winner = catalog.find(PluginKind.SCHEDULER, id);
        if (winner.isEmpty()) {
            return null;
        }
        List<String> hidden = new ArrayList<>();
        for (PluginDescriptor d : catalog.plugins(PluginKind.SCHEDULER)) {
            if (d.id().equals(id) && d != winner.get() && catalog.shadowed(d)) {
                hidden.add(d.bundle() + " " + d.version());
            }
        }
        if (hidden.isEmpty()) {
            return null;
        }
        PluginDescriptor w = winner.get();
        return "warning: scheduler '" + id + "' is the one of " + w.bundle() + " " + w.version() + SHADOWING
                + String.join(", ", hidden) + " (rtmm:list marks the shadowed one)";
    }

    /** @return the text on one line: every run of line breaks becomes " / " */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\R+", " / ");
    }

    /**
     * @return a relative {@code *.json} path made absolute against the container's working directory, so that
     *         "file not found" (the evaluator names the path it was given) shows where it looked; anything else
     *         (an id, an absolute path, a path the OS rejects) unchanged
     */
    static String absoluteFile(String idOrFile) {
        if (!idOrFile.endsWith(".json")) {
            return idOrFile;
        }
        try {
            Path p = Path.of(idOrFile);
            return p.isAbsolute() ? idOrFile : p.toAbsolutePath().toString();
        } catch (InvalidPathException e) {
            return idOrFile; // the evaluator reports it
        }
    }

    /** @return {@code k=v,k2=v2} as a sorted map; empty text gives none */
    static Map<String, String> properties(String set) {
        Map<String, String> out = new TreeMap<>();
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

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)?");
    private static final BigDecimal MAX_NS = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * Parses {@code --duration}: a number with a unit ns, us, ms, s, m or h (as the command line's), rounded half up
     * to whole nanoseconds, which must be &gt; 0; an exact zero ({@code 0}, {@code 0s}) means the scenario's default.
     *
     * @return the duration in ns, 0 for the scenario's default
     */
    static long durationNs(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2) == null && new BigDecimal(m.group(1)).signum() != 0)) {
            throw new IllegalArgumentException("--duration: '" + value
                    + "' is not a duration; use a number with a unit: ns, us, ms, s, m or h (e.g. 700ms, 10s)");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        if (amount.signum() == 0) {
            return 0;
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        // checked after rounding: 0.1ns would otherwise become 0, which means "the scenario's default"
        BigDecimal ns = amount.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP);
        if (ns.signum() <= 0) {
            throw new IllegalArgumentException("--duration: must be at least 1ns once rounded to whole nanoseconds,"
                    + " got " + value);
        }
        if (ns.compareTo(MAX_NS) > 0) {
            throw new IllegalArgumentException("--duration: must be below 292 years, got " + value);
        }
        return ns.longValueExact();
    }

    /**
     * The parsed arguments of {@code rtmm:run}.
     *
     * @param compat     -c / --xrbench-compat
     * @param seed       --seed, default 1
     * @param properties -s / --set, merged over repetitions
     * @param durationNs --duration in ns, 0 = the scenario's default
     * @param scenario   first positional argument
     * @param platform   second
     * @param scheduler  third
     */
    record RunArgs(boolean compat, long seed, Map<String, String> properties, long durationNs, String scenario,
                   String platform, String scheduler) {

        /**
         * @return the arguments, or {@code null} for -h / --help
         * @throws IllegalArgumentException saying what is wrong (without the usage)
         */
        static RunArgs parse(String... args) {
            boolean compat = false;
            Long seed = null;
            Long duration = null;
            Map<String, String> properties = new TreeMap<>();
            List<String> positional = new ArrayList<>();
            boolean options = true;
            String[] words = args == null ? new String[0] : args;
            for (int i = 0; i < words.length; i++) {
                String w = words[i] == null ? "null" : words[i]; // Gogo passes the word null as null
                if (!options || !w.startsWith("-") || w.equals("-")) {
                    positional.add(w);
                    continue;
                }
                int eq = w.startsWith("--") ? w.indexOf('=') : -1;
                String name = eq > 0 ? w.substring(0, eq) : w;
                String inline = eq > 0 ? w.substring(eq + 1) : null;
                switch (name) {
                    case "--" -> options = false;
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "-c", "--xrbench-compat" -> {
                        if (inline != null) {
                            throw new IllegalArgumentException(name + " takes no value, got '" + w + "'");
                        }
                        compat = true;
                    }
                    case "--seed" -> {
                        if (seed != null) {
                            throw new IllegalArgumentException("--seed given twice");
                        }
                        String v = inline != null ? inline : value(words, ++i, name);
                        try {
                            seed = Long.parseLong(v.strip());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed: expected an integer, got '" + v + "'");
                        }
                    }
                    case "--duration" -> {
                        if (duration != null) {
                            throw new IllegalArgumentException("--duration given twice");
                        }
                        duration = RtmmCommands.durationNs(inline != null ? inline : value(words, ++i, name));
                    }
                    case "-s", "--set" -> properties.putAll(
                            RtmmCommands.properties(inline != null ? inline : value(words, ++i, name)));
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            }
            if (positional.size() != 3) {
                throw new IllegalArgumentException("expected SCENARIO PLATFORM SCHEDULER, got " + positional.size()
                        + (positional.size() == 1 ? " argument" : " arguments")
                        + (positional.isEmpty() ? "" : " (" + String.join(" ", positional) + ")"));
            }
            String[] names = {"SCENARIO", "PLATFORM", "SCHEDULER"};
            for (int k = 0; k < 3; k++) {
                if (positional.get(k).isBlank()) {
                    throw new IllegalArgumentException(names[k] + " must not be empty");
                }
            }
            return new RunArgs(compat, seed == null ? 1 : seed, properties, duration == null ? 0 : duration,
                    positional.get(0), positional.get(1), positional.get(2));
        }

        private static String value(String[] words, int i, String option) {
            if (i >= words.length || words[i] == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return words[i];
        }
    }

}
