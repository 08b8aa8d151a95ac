package org.rtmmlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtmm new-plugin scheduler|cost-model|reporter NAME [--dir D]}: creates a standalone Maven project of a
 * plugin (a working example, its test, DS and ServiceLoader registration, bnd) from the templates of
 * {@link PluginTemplate}. Never writes into a folder that already exists.
 */
@Command(name = "new-plugin", mixinStandardHelpOptions = true,
        description = {"Create a standalone Maven project of a plugin: a working example with its contract test,",
            "registered for the container (DS) and the command line (ServiceLoader), built by bnd.",
            "It depends only on rtmm-api (compile) and a test kit (test scope)."})
public class NewPluginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "scheduler, cost-model or reporter")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME",
            description = "plugin id, also artifact id and folder: lower-case words joined by '-', e.g. my-edf")
    String name;

    @Option(names = "--dir", paramLabel = "D",
            description = "project folder to create (must not exist; default: ./NAME)")
    Path dir;

    @Option(names = "--group-id", paramLabel = "G", defaultValue = "com.example",
            description = "the project's groupId and the root of its Java package (default: ${DEFAULT-VALUE})")
    String groupId;

    @Override
    public Integer call() throws IOException {
        PluginTemplate template = PluginTemplate.of(kind);
        if (template == null) {
            throw new ParameterException(spec.commandLine(), "unknown KIND '" + kind + "' (one of: "
                    + PluginTemplate.kinds() + ")");
        }
        String problem = PluginTemplate.nameProblem(name);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "invalid NAME '" + name + "': " + problem);
        }
        String pkgProblem = PluginTemplate.packageProblem(PluginTemplate.packageOf(groupId, name));
        if (pkgProblem != null) {
            throw new ParameterException(spec.commandLine(), "invalid NAME '" + name + "' or --group-id '" + groupId
                    + "': " + pkgProblem);
        }
        Path target = (dir != null ? dir : Path.of(name)).toAbsolutePath().normalize();
        String jar = target.resolve("target/" + name + "-1.0.0.jar").toString();
        Map<String, String> files = template.render(name, groupId, use(template, name, jar));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try {
            Files.createDirectory(target); // atomic: fails when anything exists there, so no user file is touched
        } catch (FileAlreadyExistsException e) {
            throw new ParameterException(spec.commandLine(), target + " already exists: choose another NAME or --dir"
                    + " (nothing was written)");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = target.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        var out = spec.commandLine().getOut();
        out.println("created " + template.kind() + " plugin '" + name + "' in " + target + ":");
        files.keySet().forEach(f -> out.println("  " + f));
        out.println("next: cd " + target + " && mvn -B verify    (builds " + jar + " and runs its tests)");
        return 0;
    }

    /** @return the generated README's lines showing how to use the built jar from the lab's directory */
    static String use(PluginTemplate template, String name, String jar) {
        return switch (template) {
            case SCHEDULER -> "./rtmm run --plugins " + jar + " --scheduler " + name
                    + " --scenario xrbench/VR_gaming --platform xrbench/Dual_4K__WS_OS\n"
                    + "./rtmm compare --plugins " + jar + " --schedulers " + name + ",fcfs,edf --baseline fcfs";
            case COST_MODEL -> "./rtmm run --plugins " + jar + " --scheduler edf --scenario xrbench/VR_gaming"
                    + " --platform " + name + "/duo";
            case REPORTER -> "./rtmm run --plugins " + jar + " --report json," + name + " --scheduler edf"
                    + " --scenario xrbench/VR_gaming --platform xrbench/Dual_4K__WS_OS";
        };
    }
}
