package org.rtmmlab.cli;

import picocli.CommandLine.Option;

/** The {@code --scenario} and {@code --platform} options of the commands that take one of each (run, check, optimize). */
public class ScenarioPlatformOptions {

    @Option(names = "--scenario", required = true, paramLabel = "ID|FILE",
            description = "scenario id (e.g. xrbench/VR_gaming) or .json file")
    String scenario;

    @Option(names = "--platform", required = true, paramLabel = "ID|FILE",
            description = "platform id (e.g. xrbench/Single_4K__WS) or .json file")
    String platform;
}
