package org.zwfw.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor exports exactly the public API, and the module graph resolves with the
 * real dependency jars (so users on the module path can use the SDK).
 */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(CLASSES).find("org.zwfw.sdk").orElseThrow().descriptor();
    }

    @Test
    void exportsOnlyThePublicApiPackages() {
        Set<String> exported = descriptor().exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder("org.zwfw.sdk.verify", "org.zwfw.sdk.crypto",
                "org.zwfw.sdk.id", "org.zwfw.sdk.credential", "org.zwfw.sdk.status",
                "org.zwfw.sdk.trust", "org.zwfw.sdk.replay", "org.zwfw.sdk.input", "org.zwfw.sdk.http", "org.zwfw.sdk.httpsig",
                "org.zwfw.sdk.credential.issuer", "org.zwfw.sdk.credential.holder", "org.zwfw.sdk.status.issuer",
                "org.zwfw.sdk.trust.publisher", "org.zwfw.sdk.rnat", "org.zwfw.sdk.rnat.issuer",
                "org.zwfw.sdk.oidc");
        // The source decorators are how the SDK builds its sources; applications use those sources.
        assertThat(descriptor().packages()).contains("org.zwfw.sdk.internal", "org.zwfw.sdk.internal.sm",
                "org.zwfw.sdk.internal.sdjwt", "org.zwfw.sdk.internal.ec",
                "org.zwfw.sdk.source");
        assertThat(exported).noneMatch(p -> p.contains("internal"));
        // the one qualified export: strict JSON and quoting for the login and client modules, no one else
        assertThat(descriptor().exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(e -> e.source() + " to " + new java.util.TreeSet<>(e.targets())))
                .containsExactly("org.zwfw.sdk.internal to [org.zwfw.sdk.client, org.zwfw.sdk.login]");
    }

    @Test
    void resolvesWithTheDependencyJars() {
        List<Path> paths = new ArrayList<>();
        paths.add(CLASSES);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*(bcprov|nimbus-jose-jwt|jackson-(core|databind|annotations)|slf4j-api).*\\.jar")) {
                paths.add(Path.of(entry));
            }
        }
        ModuleFinder finder = ModuleFinder.of(paths.toArray(new Path[0]));
        // System modules outside the boot layer (such as jdk.crypto.ec, which nimbus requires) are
        // found as `java --module-path` would find them.
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.ofSystem(),
                Set.of("org.zwfw.sdk"));
        assertThat(cf.findModule("org.zwfw.sdk")).isPresent();
        assertThat(cf.findModule("org.bouncycastle.provider")).isPresent();
        // nimbus-jose-jwt is not forced on users of the core: its adapters are the sdk-nimbus module
        assertThat(cf.findModule("com.nimbusds.jose.jwt")).isEmpty();
        assertThat(descriptor().requires()).noneMatch(r -> r.name().startsWith("com.nimbusds"));
    }
}
