package org.zwfw.sdk.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Zwfw.class.getPackage().getImplementationVersion();
        return new String[] {"zwfw " + (v == null ? "(development build)" : v)};
    }
}
