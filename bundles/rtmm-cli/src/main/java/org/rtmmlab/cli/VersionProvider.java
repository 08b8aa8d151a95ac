package org.rtmmlab.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the CLI jar's manifest (Bundle-Version), "dev" when run from classes. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = RtmmCommand.class.getPackage().getImplementationVersion();
        return new String[] {"rtmm " + (v == null ? "dev" : v)};
    }
}
