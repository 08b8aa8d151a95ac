package org.rtmmlab.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;
import org.rtmmlab.shell.options.CommonRunOptions;
import org.rtmmlab.shell.options.CompareSelection;
import org.rtmmlab.shell.options.PaceConverter;
import org.rtmmlab.shell.options.SeedList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The container's evaluation commands, thin faces over the {@link EvaluationService}: {@code rtmm:run},
 * {@code rtmm:compare}, {@code rtmm:status}, {@code rtmm:swap}, {@code rtmm:pause}, {@code rtmm:resume},
 * {@code rtmm:cancel} and {@code rtmm:results}. Options are parsed by picocli with the option classes the command
 * line uses ({@link CommonRunOptions}, {@link CompareSelection}); every command has {@code --help}. A failure prints
 * one {@code error: ...} line and throws {@link CommandFailedException}, so Gogo and Karaf see a failed command.
 *
 * <p>{@code rtmm:run} and {@code rtmm:compare} submit and then watch the evaluation until it ends, printing progress
 * lines; {@code --background} returns the id at once instead. Interrupting the watch (Ctrl-C) only detaches: the
 * evaluation keeps running and the command prints how to follow or cancel it.
 *
 * <p>Immediate: a delayed component would be deactivated whenever no command runs, and with it the Ctrl-C handler
 * ({@link ConsoleInterrupt}) would come and go.
 */
@Component(service = EvaluationCommands.class, immediate = true, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=run",
    "osgi.command.function=compare",
    "osgi.command.function=status",
    "osgi.command.function=swap",
    "osgi.command.function=pause",
    "osgi.command.function=resume",
    "osgi.command.function=cancel",
    "osgi.command.function=results"
})
public class EvaluationCommands {

    /** Framework property that enables the Ctrl-C handler ({@code interrupt}); see {@link ConsoleInterrupt}. */
    static final String SIGINT_PROPERTY = "rtmm.shell.sigint";

    private static final Pattern UNKNOWN = Pattern.compile("unknown (scheduler|accelerator model|scenario provider"
            + "|reporter|scenario|platform) '([^']*)'");

    private final EvaluationService service;
    private final PluginCatalog catalog;
    private final Supplier<List<BundleProblem>> problems;
    private final ConsoleInterrupt interrupt;
    private final long progressIntervalMs;

    /** DS constructor injection. */
    @Activate
    public EvaluationCommands(@Reference EvaluationService service, @Reference PluginCatalog catalog,
                              BundleContext context) {
        this(service, catalog, new PluginDiagnostics(context)::problems,
                "interrupt".equals(context.getProperty(SIGINT_PROPERTY)) ? ConsoleInterrupt.install(System.out)
                        : ConsoleInterrupt.none(), 1000);
    }

    /**
     * @param problems           the failed bundles, to explain an unknown plugin id
     * @param interrupt          Ctrl-C handling of waiting commands
     * @param progressIntervalMs least wall time between two progress lines of a watched evaluation (state changes
     *                           and swaps are always printed)
     */
    EvaluationCommands(EvaluationService service, PluginCatalog catalog, Supplier<List<BundleProblem>> problems,
                       ConsoleInterrupt interrupt, long progressIntervalMs) {
        this.service = service;
        this.catalog = catalog;
        this.problems = problems;
        this.interrupt = interrupt;
        this.progressIntervalMs = progressIntervalMs;
    }

    @Deactivate
    void deactivate() {
        interrupt.close();
    }

    // ------------------------------------------------------------------ Gogo functions

    /** rtmm:run. */
    @Descriptor("run one evaluation in the container: rtmm:run [options] SCENARIO PLATFORM SCHEDULER; waits and prints"
            + " progress until it ends (Ctrl-C detaches, the evaluation keeps running), --background returns its id"
            + " at once; --pace 1x|10x|max, --seed N, --duration 10s, -s key=value,..., -c (XRBench compat),"
            + " --report json,csv,html,trace; rtmm:run --help for all")
    public void run(@Descriptor("[options] SCENARIO PLATFORM SCHEDULER") String... args) {
        ShellParser.execute("run", new Run(), args, System.out);
    }

    /** rtmm:compare. */
    @Descriptor("compare schedulers over scenarios x platforms as one evaluation: rtmm:compare --schedulers a,b"
            + " [--scenarios ..] [--platforms ..] [--baseline a] [--seeds 1,2] [run options]; waits like rtmm:run"
            + " unless --background; rtmm:compare --help for all")
    public void compare(@Descriptor("[options]") String... args) {
        ShellParser.execute("compare", new Compare(), args, System.out);
    }

    /** rtmm:status. */
    @Descriptor("evaluations of this container, newest first (rtmm:status), or one in detail (rtmm:status ID)")
    public void status(@Descriptor("[ID]") String... args) {
        ShellParser.execute("status", new Status(), args, System.out);
    }

    /** rtmm:swap. */
    @Descriptor("give a running or paused evaluation another scheduler at its next decision point:"
            + " rtmm:swap ID SCHEDULER [-s key=value,...]")
    public void swap(@Descriptor("ID SCHEDULER [-s key=value,...]") String... args) {
        ShellParser.execute("swap", new Swap(), args, System.out);
    }

    /** rtmm:pause. */
    @Descriptor("pause a running evaluation at its next decision point: rtmm:pause ID")
    public void pause(@Descriptor("ID") String... args) {
        ShellParser.execute("pause", new Transition("pause"), args, System.out);
    }

    /** rtmm:resume. */
    @Descriptor("resume a paused evaluation: rtmm:resume ID")
    public void resume(@Descriptor("ID") String... args) {
        ShellParser.execute("resume", new Transition("resume"), args, System.out);
    }

    /** rtmm:cancel. */
    @Descriptor("cancel a queued, running or paused evaluation; what it measured is kept, marked CANCELLED:"
            + " rtmm:cancel ID")
    public void cancel(@Descriptor("ID") String... args) {
        ShellParser.execute("cancel", new Transition("cancel"), args, System.out);
    }

    /** rtmm:results. */
    @Descriptor("published results under data/results, newest first (rtmm:results), or one result's files"
            + " (rtmm:results ID)")
    public void results(@Descriptor("[ID]") String... args) {
        ShellParser.execute("results", new Results(), args, System.out);
    }

    // ------------------------------------------------------------------ shared steps

    /** Submits, then either prints the id (background) or watches until the end. */
    private int submitAndFollow(EvaluationRequest request, boolean background, String kind) {
        EvaluationStatus s;
        try {
            s = service.submit(request);
        } catch (IllegalArgumentException e) {
            throw explained(e);
        }
        PrintStream out = System.out;
        if (background) {
            out.println(s.id() + " submitted (" + s.state() + "): " + StatusText.what(request) + "; rtmm:status " + s.id()
                    + " to follow it, rtmm:cancel " + s.id() + " to stop it");
            return 0;
        }
        out.println(s.id() + " " + kind + ": " + StatusText.what(request) + ", pace " + PaceConverter.format(request.pace())
                + " (Ctrl-C detaches; the evaluation keeps running)");
        EvaluationStatus end;
        try (AutoCloseable ignored = interrupt.waiting()) {
            end = new Watch(service, out, progressIntervalMs).follow(s.id());
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        if (end == null) {
            return 0; // detached on purpose: not a failure
        }
        out.println(StatusText.line(end));
        if (end.state() != EvaluationState.FINISHED) {
            out.println("error: " + end.id() + " ended " + end.state()
                    + (end.message().isEmpty() ? "" : ": " + RtmmCommands.oneLine(end.message()))
                    + (end.resultDir() != null ? "; what it measured is in " + end.resultDir() : ""));
            throw new CommandFailedException("rtmm:" + kind + " failed");
        }
        out.println("files in " + end.resultDir());
        return 0;
    }

    /**
     * @return {@code e} with its message extended when it names an unknown plugin id whose bundle may be present but
     *         failed ({@link PluginDiagnostics}); {@code e} itself otherwise
     */
    IllegalArgumentException explained(IllegalArgumentException e) {
        Matcher m = UNKNOWN.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (!m.find()) {
            return e;
        }
        List<BundleProblem> failed = problems.get();
        if (failed.isEmpty()) {
            return e;
        }
        String id = m.group(2);
        List<String> likely = new ArrayList<>();
        for (BundleProblem p : failed) {
            if (p.mayProvide(id)) {
                likely.add(p.bundle() + " " + p.version() + " [" + p.bundleId() + "] " + p.reason());
            }
        }
        String hint = likely.isEmpty()
                ? "; note: " + failed.size() + " bundle(s) failed and may provide it, see rtmm:list"
                : "; " + m.group(1) + " '" + id + "' may come from a bundle that is present but failed: "
                        + String.join("; ", likely);
        return new InvalidInputException("", "", RtmmCommands.oneLine(e.getMessage()) + hint);
    }

    private static String absolute(String idOrFile) {
        return RtmmCommands.absoluteFile(idOrFile);
    }

    // ------------------------------------------------------------------ picocli commands

    /** Options of rtmm:run and rtmm:compare beyond the run options. */
    static class EvaluationOptions {
        @Option(names = "--pace", paramLabel = "PACE", converter = PaceConverter.class, defaultValue = "max",
                description = "simulated time per wall time: 1x (real time), 10x, ... or max (as fast as possible;"
                        + " default: ${DEFAULT-VALUE})")
        double pace;

        @Option(names = {"-b", "--background"}, description = "submit and print the evaluation's id instead of"
                + " waiting for it")
        boolean background;
    }

    /**
     * What rtmm:run and rtmm:compare share: the run options, {@code --pace} and {@code --background}, and the
     * request they submit.
     */
    abstract class Submission implements Callable<Integer> {
        @Mixin
        CommonRunOptions runOptions;

        @Mixin
        EvaluationOptions evaluation;

        /**
         * Submits every scenario x platform x scheduler x seed with the run options, then follows the evaluation
         * until it ends (unless {@code --background}).
         *
         * @param baseline the comparison's baseline scheduler, or {@code null}
         * @param kind     {@code run} or {@code compare}, for the messages
         */
        int submit(List<String> scenarios, List<String> platforms, List<String> schedulers, List<Long> seeds,
                   String baseline, String kind) {
            EvaluationRequest request = new EvaluationRequest(scenarios, platforms, schedulers, seeds,
                    runOptions.duration(), runOptions.xrbenchCompat, new LinkedHashMap<>(runOptions.properties),
                    runOptions.reporters, evaluation.pace, baseline);
            return submitAndFollow(request, evaluation.background, kind);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one evaluation in the container"
            + " (results under data/results/<id>/).")
    final class Run extends Submission {
        @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario id or *.json file")
        String scenario;

        @Parameters(index = "1", paramLabel = "PLATFORM", description = "platform id or *.json file")
        String platform;

        @Parameters(index = "2", paramLabel = "SCHEDULER", description = "scheduler id")
        String scheduler;

        @Override
        public Integer call() {
            runOptions.validate();
            String shadow = RtmmCommands.shadowWarning(catalog, scheduler);
            if (shadow != null) {
                System.out.println(shadow);
            }
            return submit(List.of(absolute(scenario)), List.of(absolute(platform)), List.of(scheduler),
                    List.of(runOptions.seed), null, "run");
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare schedulers over scenarios x"
            + " platforms x seeds as one evaluation (results under data/results/<id>/).")
    final class Compare extends Submission {
        @Mixin
        CompareSelection selection;

        @Option(names = "--seeds", paramLabel = "LIST", description = "run every cell once per seed: a list and/or"
                + " inclusive ranges, e.g. 1..5, 1,3,7 or 1..3,9 (not with --seed; default: --seed)")
        String seeds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            runOptions.validate();
            String base = selection.validate();
            if (seeds != null && spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
                throw new InvalidInputException("--seeds", "", "cannot be combined with --seed; give one seed as"
                        + " --seed N or several as --seeds LIST");
            }
            List<Long> s = seeds == null ? List.of(runOptions.seed) : SeedList.parse(seeds);
            return submit(selection.scenarios.stream().map(EvaluationCommands::absolute).toList(),
                    selection.platforms.stream().map(EvaluationCommands::absolute).toList(), selection.schedulers, s,
                    base, "compare");
        }
    }

    /** What rtmm:status and rtmm:results share: an optional evaluation id, without which they list all. */
    abstract static class ListOrOne implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "evaluation id")
        String id;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Evaluations of this container, newest"
            + " first, or one in detail.")
    final class Status extends ListOrOne {
        @Override
        public Integer call() {
            if (id == null) {
                List<EvaluationStatus> all = service.list();
                System.out.println(all.size() + " evaluation(s)");
                all.forEach(s -> System.out.println(StatusText.line(s)));
            } else {
                EvaluationStatus s = service.status(id).orElseThrow(() -> unknown(id));
                StatusText.details(s).forEach(System.out::println);
            }
            return 0;
        }
    }

    @Command(name = "swap", mixinStandardHelpOptions = true, description = "Give a running or paused single-run"
            + " evaluation another scheduler at its next decision point (queues, in-flight blocks and clock are kept;"
            + " the old scheduler's observe history is not).")
    final class Swap implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "evaluation id")
        String id;

        @Parameters(index = "1", paramLabel = "SCHEDULER", description = "id of the scheduler to take over")
        String scheduler;

        @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", split = ",",
                description = "the new scheduler's run properties (repeatable)")
        Map<String, String> properties = new LinkedHashMap<>();

        @Override
        public Integer call() {
            EvaluationStatus s;
            try {
                s = service.swap(id, scheduler, properties);
            } catch (IllegalArgumentException e) {
                throw explained(e);
            }
            System.out.println("swap of " + id + " to " + scheduler + " requested; it takes effect at the next decision"
                    + " point (rtmm:status " + id + " shows it)");
            System.out.println(StatusText.line(s));
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "Pause, resume or cancel an evaluation.")
    final class Transition implements Callable<Integer> {
        private final String action;

        @Parameters(index = "0", paramLabel = "ID", description = "evaluation id")
        String id;

        Transition(String action) {
            this.action = action;
        }

        @Override
        public Integer call() {
            EvaluationStatus s = switch (action) {
                case "pause" -> service.pause(id);
                case "resume" -> service.resume(id);
                default -> service.cancel(id);
            };
            System.out.println(StatusText.line(s));
            return 0;
        }
    }

    @Command(name = "results", mixinStandardHelpOptions = true, description = "Published results (data/results),"
            + " newest first, or the files of one.")
    final class Results extends ListOrOne {
        @Override
        public Integer call() {
            List<ResultEntry> all = service.results();
            if (id == null) {
                System.out.println(all.size() + " result(s) in " + service.resultsDir());
                all.forEach(e -> System.out.println(StatusText.line(e)));
                return 0;
            }
            ResultEntry e = all.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> unknownResult(id));
            System.out.println(StatusText.line(e));
            e.plugins().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(p -> System.out.println("  plugin " + p.getKey() + " " + p.getValue()));
            Path dir = e.dir();
            for (String f : e.files()) {
                System.out.println("  " + dir.resolve(f));
            }
            return 0;
        }
    }

    private static InvalidInputException unknown(String id) {
        return new InvalidInputException("", "", "unknown evaluation '" + id + "' (rtmm:status lists them)");
    }

    private static InvalidInputException unknownResult(String id) {
        return new InvalidInputException("", "", "no published result '" + id + "' (rtmm:results lists them)");
    }
}
