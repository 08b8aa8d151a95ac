package org.rtmmlab.cli;

import java.io.PrintWriter;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine;

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
        CommandLine cl = new CommandLine(new RtmmCommand());
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
