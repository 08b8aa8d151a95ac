package org.rtmmlab.cli;

import picocli.CommandLine.Command;

/** Top-level {@code rtmm} command; the work is in its subcommands. */
@Command(name = "rtmm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "RTMM Lab: evaluate schedulers of real-time multi-model ML workloads.",
        subcommands = {ListCommand.class, RunCommand.class, CompareCommand.class, BenchCommand.class,
            NewPluginCommand.class, DeployCommand.class, SweepCommand.class, OptimizeCommand.class, CheckCommand.class,
            picocli.CommandLine.HelpCommand.class})
public class RtmmCommand {
}
