package org.rtmmlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rtmm check --scenario S --platform P}: validates a scenario and a platform together without running them
 * ({@link StaticCheck}): prints the problems (exit code 1) and warnings (exit code 0 if there are no problems). An
 * unreadable file or unknown id is a one-line error with exit code 2, as for {@code run}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a scenario on a platform without running it: every accelerator's cost model is installed"
                + " and accepts it; every layer of every model variant a task uses can run on some accelerator and"
                + " is priced there; warns about tasks whose model alone is slower than their deadline.",
            "Exit code 0: no problems (warnings may be printed); 1: problems; 2: bad input."})
public class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions pluginOptions;

    @Mixin
    ScenarioPlatformOptions target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DefaultPluginCatalog catalog = pluginOptions.catalog(w -> err.println("warning: " + w));
        Evaluator evaluator = new Evaluator(catalog);
        Scenario s = evaluator.scenario(target.scenario);
        Platform p = evaluator.platform(target.platform);
        StaticCheck c = StaticCheck.of(s, p, catalog::acceleratorModel);
        out.printf("check %s on %s: %d tasks, %d models, %d layers (all variants), %d accelerators%n", s.id(), p.id(),
                s.tasks().size(), s.models().size(), c.layers(), p.accelerators().size());
        c.problems().forEach(line -> out.println("problem: " + line));
        c.warnings().forEach(line -> out.println("warning: " + line));
        out.println(c.problems().isEmpty() ? "ok: no problems" + (c.warnings().isEmpty() ? ""
                : ", " + c.warnings().size() + " warning(s)") : c.problems().size() + " problem(s)");
        return c.problems().isEmpty() ? 0 : 1;
    }
}
