package org.zwfw.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default transport over TLS: a real HTTPS server on loopback (the JDK's own) with a P-256
 * certificate for 127.0.0.1 made by {@code keytool} for this run. These tests show that a TLS
 * exchange completes, that an untrusted certificate is refused, that a server that never answers
 * the handshake cannot hold a call past its deadline, and that a certificate check that blocks
 * holds up no other exchange of the transport.
 */
class JdkHttpTransportTlsTest {

    private static final String PASSWORD = "test-only";
    private static final String ACCEPT = "application/json";

    private static HttpsServer server;
    private static ExecutorService serverThreads;
    private static SSLContext serverTls;
    private static SSLContext trusting;
    private static X509ExtendedTrustManager trust;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool: " + out).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        trust = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        serverThreads = Executors.newCachedThreadPool();
        server = serve();
    }

    /** A server on loopback with this run's certificate, answering on {@code /list}. */
    private static HttpsServer serve() throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.setExecutor(serverThreads);
        server.createContext("/list", ex -> {
            byte[] body = ("{\"method\":\"" + ex.getRequestMethod() + "\",\"body\":\""
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", ACCEPT);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static URI uri(int port) {
        return URI.create("https://127.0.0.1:" + port + "/list");
    }

    @Test
    void fetchesAndExchangesOverTlsWithAServerItTrusts() throws IOException {
        try (JdkHttpTransport t = new JdkHttpTransport(Duration.ofSeconds(5), false, trusting)) {
            URI uri = uri(server.getAddress().getPort());
            for (int i = 0; i < 3; i++) { // the first handshakes, the others reuse the connection
                assertThat(new String(t.get(uri, ACCEPT, 1024, Duration.ofSeconds(10)), StandardCharsets.UTF_8))
                        .isEqualTo("{\"method\":\"GET\",\"body\":\"\"}");
            }
            HttpTransport.Response r = t.exchange(new HttpTransport.Request("POST", uri,
                    Map.of("Content-Type", ACCEPT), "x".getBytes(StandardCharsets.UTF_8), 1024,
                    Duration.ofSeconds(10)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"method\":\"POST\",\"body\":\"x\"}");
        }
    }

    @Test
    void refusesAServerWhoseCertificateItDoesNotTrust() {
        // the JVM's default trust store does not hold this run's certificate
        try (JdkHttpTransport t = new JdkHttpTransport(Duration.ofSeconds(5), false)) {
            URI uri = uri(server.getAddress().getPort());
            assertThatThrownBy(() -> t.get(uri, ACCEPT, 1024, Duration.ofSeconds(10)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("https://127.0.0.1:" + server.getAddress().getPort() + "/list")
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseMessage("unable to find valid certification path to requested target");
        }
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeCannotHoldTheCallPastItsDeadline() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                JdkHttpTransport t = new JdkHttpTransport(Duration.ofSeconds(5), false, trusting)) {
            Thread accepter = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // reads the ClientHello, answers nothing
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            accepter.setDaemon(true);
            accepter.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> t.get(uri(silent.getLocalPort()), ACCEPT, 1024, Duration.ofMillis(700)))
                    .isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("within 700 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aHandshakeWhoseCertificateCheckBlocksDelaysNoOtherExchange() throws Exception {
        // the certificate check of one server blocks, as a revocation check (OCSP, CRL) or a
        // custom trust manager may; exchanges with another server on the same transport go on
        HttpsServer blocked = serve();
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new BlockingTrust(blocked.getAddress().getPort(), checking, release)}, null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (JdkHttpTransport t = new JdkHttpTransport(Duration.ofSeconds(5), false, tls)) {
            URI uri = uri(server.getAddress().getPort());
            t.get(uri, ACCEPT, 1024, Duration.ofSeconds(10));
            Thread waiting = new Thread(() -> {
                try {
                    t.get(uri(blocked.getAddress().getPort()), ACCEPT, 1024, Duration.ofSeconds(20));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            waiting.setDaemon(true);
            waiting.start();
            assertThat(checking.await(10, TimeUnit.SECONDS)).as("the blocked check started").isTrue();
            long start = System.nanoTime();
            try {
                assertThat(new String(t.get(uri, ACCEPT, 1024, Duration.ofSeconds(10)), StandardCharsets.UTF_8))
                        .isEqualTo("{\"method\":\"GET\",\"body\":\"\"}");
                // held by the blocked check, the call would take the check's 8 s
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            } finally {
                release.countDown();
                waiting.join(20_000);
            }
            assertThat(failure.get()).isNull();
        } finally {
            blocked.stop(0);
        }
    }

    /** Trusts this run's certificate; for one server port the check blocks until released (at most 8 s). */
    private static final class BlockingTrust extends X509ExtendedTrustManager {
        private final int port;
        private final CountDownLatch checking;
        private final CountDownLatch release;

        BlockingTrust(int port, CountDownLatch checking, CountDownLatch release) {
            this.port = port;
            this.checking = checking;
            this.release = release;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (engine.getPeerPort() == port) {
                checking.countDown();
                try {
                    release.await(8, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            trust.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            trust.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trust.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            trust.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            trust.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trust.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }
}
