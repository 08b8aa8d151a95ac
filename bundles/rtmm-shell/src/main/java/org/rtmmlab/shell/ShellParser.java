package org.rtmmlab.shell;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs one picocli command for a Gogo function: parses the words Gogo passes, prints {@code --help}, reports a bad
 * option or a failure as one {@code error: ...} line and then throws {@link CommandFailedException}, so the
 * command fails in the shell's terms.
 */
final class ShellParser {

    private ShellParser() {
    }

    /**
     * @param name    function name without scope, e.g. {@code run}
     * @param command a picocli {@code @Command} object
     * @param args    the words (Gogo passes the word {@code null} as null)
     * @param out     the session's output
     * @throws CommandFailedException if parsing or the command failed (after printing one line)
     */
    static void execute(String name, Callable<Integer> command, String[] args, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        CommandLine cl = new CommandLine(command);
        cl.setCommandName("rtmm:" + name);
        cl.setOut(w);
        cl.setErr(w);
        cl.setParameterExceptionHandler((ex, a) -> {
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            w.println("error: " + RtmmCommands.oneLine(message).replace("option option", "option")
                    + " (see rtmm:" + name + " --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof CommandFailedException) {
                return CommandLine.ExitCode.SOFTWARE; // already reported
            }
            w.println("error: " + describe(ex));
            return ex instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        String[] words = args == null ? new String[0] : args.clone();
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null) {
                words[i] = "null";
            }
        }
        int code = cl.execute(words);
        w.flush();
        if (code != 0) {
            throw new CommandFailedException("rtmm:" + name + " failed");
        }
    }

    /** @return the exception's message on one line; its class too when the message alone would not say much */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return m == null || m.isBlank() ? e.toString() : RtmmCommands.oneLine(m);
        }
        return RtmmCommands.oneLine(e.toString());
    }
}
