package org.rtmmlab.cli;

import java.io.PrintWriter;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point of {@code ./rtmm}: plain-classpath command line. Bad input (unknown id, malformed file, bad option)
 * prints one line and exits with code 2; no stack trace unless {@code RTMM_DEBUG=1}. A bad option or parameter
 * (unknown option, value that does not convert, option given twice, missing required option) prints
 * {@code error: <message> (see rtmm <command> --help)}, never the whole usage text.
 */
public final class Main {

    private Main() {
    }

    /** @param args command line */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad input).
     *
     * @param out standard output
     * @param err standard error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine at = ex.getCommandLine() != null ? ex.getCommandLine() : cl;
            at.getErr().println(parameterError(ex, at.getCommandSpec().qualifiedName(" ")));
            at.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidInputException) {
                commandLine.getErr().println("error: " + oneLine(ex.getMessage()));
                return CommandLine.ExitCode.USAGE;
            }
            if ("1".equals(System.getenv("RTMM_DEBUG"))) {
                ex.printStackTrace(commandLine.getErr());
            }
            // a policy's failure (SchedulingException) already names the policy and what it did: no class name
            commandLine.getErr().println("error: " + oneLine(ex instanceof org.rtmmlab.engine.SchedulingException
                    && ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl.execute(args);
    }

    /**
     * @return the command line for {@code args}: when they start with a subcommand's name, {@code rtmm} with that
     *         subcommand only, so picocli inspects one command's options instead of every command's (a third of a
     *         one-cell run's start, issue 15); otherwise (help, version, an unknown or no command) the whole tree of
     *         {@link RtmmCommand}, which lists and suggests every command
     */
    static CommandLine commandLine(String[] args) {
        Command top = RtmmCommand.class.getAnnotation(Command.class);
        Class<?> only = null;
        for (Class<?> sub : top.subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (args.length > 0 && c != null && !sub.getName().startsWith("picocli.") && names(c).contains(args[0])) {
                only = sub;
            }
        }
        if (only == null) {
            return new CommandLine(new RtmmCommand());
        }
        CommandSpec root = CommandSpec.create().name(top.name()).mixinStandardHelpOptions(top.mixinStandardHelpOptions())
                .versionProvider(new VersionProvider());
        root.usageMessage().description(top.description());
        CommandLine cl = new CommandLine(root);
        cl.addSubcommand(new CommandLine(only));
        return cl;
    }

    private static java.util.List<String> names(Command c) {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(c.aliases()));
        names.add(c.name());
        return names;
    }

    /** @return {@code text} on one line: line breaks (a plugin's multi-line message) become " / " */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " / ");
    }

    /** @return the one-line report of a bad option or parameter of command {@code command} (e.g. "rtmm run") */
    static String parameterError(CommandLine.ParameterException ex, String command) {
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ")
                .replace("option option", "option"); // picocli's wording for a KEY=VALUE without '='
        return "error: " + line + " (see " + command + " --help)";
    }
}
