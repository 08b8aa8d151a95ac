package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Main#commandLine}: only the invoked subcommand is inspected, and what the user sees does not change. */
class MainCommandLineTest {

    @Test
    void aSubcommandGetsATreeOfItselfOnly() {
        assertEquals(Set.of("run"), Main.commandLine(new String[] {"run", "--scenario", "x"}).getSubcommands()
                .keySet());
        assertEquals(Set.of("compare"), Main.commandLine(new String[] {"compare"}).getSubcommands().keySet());
    }

    @Test
    void helpVersionAndUnknownCommandsGetTheWholeTree() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "run"},
                new String[] {"-V"}, new String[] {"runn"})) {
            Set<String> commands = Main.commandLine(args).getSubcommands().keySet();
            assertTrue(commands.containsAll(Set.of("list", "run", "compare", "sweep", "help")), String.join(" ", args)
                    + ": " + commands);
        }
    }

    @Test
    void aSubcommandsHelpAndErrorsReadAsFromTheWholeTree() {
        CommandLine whole = new CommandLine(new RtmmCommand());
        for (String name : List.of("run", "compare", "list", "sweep")) {
            CommandLine lazy = Main.commandLine(new String[] {name});
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(),
                    lazy.getSubcommands().get(name).getUsageMessage(), name);
            assertEquals("rtmm " + name, lazy.getSubcommands().get(name).getCommandSpec().qualifiedName(" "));
        }
        assertEquals(whole.getUsageMessage(), Main.commandLine(new String[] {}).getUsageMessage());
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"run", "--scenario", "a", "--platform", "b", "--scheduler", "c", "--bogus"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertEquals("error: Unknown option: '--bogus' (see rtmm run --help)", err.toString().strip());
    }
}
