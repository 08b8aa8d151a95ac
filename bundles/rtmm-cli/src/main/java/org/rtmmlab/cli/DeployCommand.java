package org.rtmmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtmm deploy JAR}: checks that a plugin jar would resolve against the lab's API (every imported
 * {@code org.rtmmlab} package exported in a version its range accepts) and registers its plugins the way the target
 * finds them, then copies it atomically (a temporary file beside the folder, then a move) into the running
 * container's {@code deploy/} folder, or with {@code --cli} into {@code ./plugins/}. A jar with the same bundle name
 * already there is replaced under its own file name, so the container updates that bundle instead of installing a
 * second one.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Check a plugin jar against the lab's API and copy it into the container's deploy/ folder "
                + "(hot deploy) or, with --cli, into ./plugins/ (read by every command).",
            "The jar must be an OSGi bundle whose org.rtmmlab imports the lab exports in a version they accept, "
                + "registering its plugins through Declarative Services (container) or META-INF/services (--cli)."})
public class DeployCommand implements Callable<Integer> {

    /** System property the {@code rtmm} script sets to the repository root; its {@code lab/} is the default home. */
    static final String ROOT_PROPERTY = "rtmm.root";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JAR", description = "the plugin jar")
    Path jar;

    @Option(names = "--home", paramLabel = "DIR",
            description = "lab home of the container (default: env RTMM_LAB_HOME, else the repository's lab/, "
                    + "as ./rtmm container uses)")
    Path home;

    @Option(names = "--cli", description = "deploy for the command line: into ./plugins/ instead of the container")
    boolean cli;

    /** Where {@code --cli} deploys: the folder every command reads by default (a test points it elsewhere). */
    Path pluginsFolder = Path.of("plugins");

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new InvalidInputException("deploy", jar.toString(), "no such file");
        }
        PluginJar plugin = PluginJar.read(jar, "deploy");
        String where = jar.toString();
        if (!plugin.bundle()) {
            throw new InvalidInputException("deploy", where, "not an OSGi bundle (its manifest has no "
                    + "Bundle-SymbolicName); build it with bnd as the example scheduler is built");
        }
        if (cli && plugin.serviceLoaders().isEmpty()) {
            throw new InvalidInputException("deploy", where, "registers no plugin for the command line (no "
                    + "META-INF/services/org.rtmmlab.api.* file); add @ServiceProvider to the plugin class");
        }
        if (!cli && plugin.components().isEmpty()) {
            throw new InvalidInputException("deploy", where, "registers no Declarative Services component (no "
                    + "Service-Component header), so the container would not find its plugin; add @Component");
        }
        Path folder = cli ? pluginsFolder : labHome().resolve("deploy");
        Files.createDirectories(folder);
        List<PluginJar> others = new ArrayList<>();
        Path target = folder.resolve(jar.getFileName());
        for (Path p : jarsIn(folder)) {
            PluginJar other = readQuietly(p);
            if (other == null) {
                continue;
            }
            if (plugin.symbolicName().equals(other.symbolicName())) {
                target = p; // update that bundle in place
            } else {
                others.add(other);
            }
        }
        Optional<String> problem = LabExports.of(DeployCommand.class.getClassLoader()).with(others)
                .unsatisfied(plugin);
        if (problem.isPresent()) {
            throw new InvalidInputException("deploy", where, problem.get());
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean replaces = Files.exists(target);
        copyAtomically(jar, target);
        out.println("deployed " + plugin.label() + " to " + target + (replaces ? " (replaced the earlier jar)" : ""));
        out.println(cli ? "every ./rtmm command run from this folder loads it (./rtmm list shows it)"
                : "a running container installs it within seconds (rtmm:list shows it)");
        return 0;
    }

    /** @return {@code --home}, else env {@code RTMM_LAB_HOME}, else the repository's {@code lab/}; it must exist */
    Path labHome() {
        Path h = home;
        String env = System.getenv("RTMM_LAB_HOME");
        String root = System.getProperty(ROOT_PROPERTY);
        if (h == null && env != null && !env.isBlank()) {
            h = Path.of(env);
        }
        if (h == null && root != null) {
            h = Path.of(root, "lab");
        }
        if (h == null) {
            throw new InvalidInputException("deploy", "--home", "no lab home: give --home DIR or set RTMM_LAB_HOME");
        }
        if (!Files.isDirectory(h)) {
            throw new InvalidInputException("deploy", "--home", "lab home " + h + " does not exist (start the "
                    + "container once with ./rtmm container, or name its home)");
        }
        return h;
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /** A jar already in the folder that cannot be read is the container's concern, not this deployment's. */
    private static PluginJar readQuietly(Path p) {
        try {
            PluginJar j = PluginJar.read(p, "");
            return j.bundle() ? j : null;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * Copies to a hidden temporary file in the folder's parent (never watched by the container's FileInstall, and on
     * the same file system as a rule), then moves it into place in one step, so the container never sees half a jar.
     */
    static void copyAtomically(Path from, Path to) throws IOException {
        Path parent = to.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent.getParent() != null ? parent.getParent() : parent,
                "." + to.getFileName(), ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.replace(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
