package org.zwfw.sdk.login;

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
 * The login module exports its one package, resolves with the real dependency jars on the module
 * path, and keeps nimbus to itself: the core does not require it, and its API does not expose it.
 */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void exportsOnlyItsApiAndResolvesWithTheDependencyJars() {
        List<Path> paths = new ArrayList<>();
        paths.add(CLASSES);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*(sdk-core[^/]*[/\\\\]target[/\\\\]classes|sdk-core-.*\\.jar|bcprov|nimbus-jose-jwt"
                    + "|oauth2-oidc-sdk|json-smart|accessors-smart|asm-|content-type|lang-tag|jcip"
                    + "|jackson-(core|databind|annotations)-2|slf4j-api).*")) {
                paths.add(Path.of(entry));
            }
        }
        ModuleFinder finder = ModuleFinder.of(paths.toArray(new Path[0]));
        ModuleDescriptor login = finder.find("org.zwfw.sdk.login").orElseThrow().descriptor();
        assertThat(login.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactly("org.zwfw.sdk.login");
        assertThat(login.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name)).containsExactly("org.zwfw.sdk");
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.ofSystem(),
                Set.of("org.zwfw.sdk.login"));
        assertThat(cf.findModule("oauth2.oidc.sdk")).isPresent();
        ModuleDescriptor core = cf.findModule("org.zwfw.sdk").orElseThrow().reference().descriptor();
        assertThat(core.requires()).noneMatch(r -> r.name().startsWith("oauth2") || r.name().contains("login"));
    }

    @Test
    void thePublicApiNamesNoNimbusType() {
        for (Class<?> c : List.of(OidcClient.class, OidcClient.Builder.class, Login.class, LoginState.class,
                LoginRedirect.class, LogoutRedirect.class, UserInfo.class, ProviderMetadata.class,
                LoginException.class, LoginFailure.class)) {
            for (java.lang.reflect.Method m : c.getMethods()) {
                assertThat(m.getReturnType().getName()).as(c + "." + m.getName()).doesNotStartWith("com.nimbusds");
                for (Class<?> p : m.getParameterTypes()) {
                    assertThat(p.getName()).as(c + "." + m.getName()).doesNotStartWith("com.nimbusds");
                }
            }
        }
    }
}
