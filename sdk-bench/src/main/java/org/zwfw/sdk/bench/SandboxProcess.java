package org.zwfw.sdk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.Sandbox;

/**
 * The sandbox in a JVM of its own, a stand-in for the remote platform: a server that does not run
 * on the client's cores (when pinned to a CPU of its own with {@code taskset}).
 *
 * <p>In the child ({@link #main}): starts the sandbox as {@link ApiFixture} does (rate limit
 * 1,000,000/s), writes the default API app's private keys (one private JWK per algorithm,
 * {@code app-<alg>.jwk}) and the platform keys (a JWK Set, {@code platform-keys.jwks}) into the
 * directory named by its argument, then prints {@code ready <origin>} on standard output. Each
 * line {@code cpu} on its standard input is answered {@code cpu <process ns> <sandbox threads ns>}
 * (its process CPU time and that of the sandbox's threads); at the end of its input (the parent
 * closed it, or ended) it stops the sandbox and exits, so it never outlives the parent.
 *
 * <p>In the parent: {@link #start} runs the child and reads what it wrote; {@link #close()} ends its
 * input, waits for it to exit (ending it when it does not) and deletes the directory.
 */
public final class SandboxProcess implements AutoCloseable {

    private static final String READY = "ready ";
    private static final String CPU = "cpu";
    private static final String PLATFORM_KEYS = "platform-keys.jwks";
    private static final long START_SECONDS = 60;
    private static final long ANSWER_SECONDS = 10;

    /** CPU nanoseconds of the child: its whole process and the sandbox's threads. */
    record Cpu(long process, long sandboxThreads) {
    }

    private final Process process;
    private final Path dir;
    private final Writer input;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final URI origin;
    private final OptionalInt cpu;

    private SandboxProcess(Process process, Path dir, OptionalInt cpu) {
        this.process = process;
        this.dir = dir;
        this.cpu = cpu;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "sandbox-process-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = next(READY, START_SECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.origin = URI.create(ready.substring(READY.length()));
    }

    /**
     * Starts the child with the JVM and class path of this one.
     *
     * @param cpu the CPU to pin it to with {@code taskset -c}, or empty for none
     * @return the running child, its sandbox ready
     * @throws IOException           when it cannot be started
     * @throws IllegalStateException when it exits or stays silent before its sandbox is ready
     */
    static SandboxProcess start(OptionalInt cpu) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpu.isPresent()) {
            Path taskset = CpuAffinity.taskset().orElseThrow(() -> new IllegalStateException("no taskset on the PATH"));
            command.addAll(List.of(taskset.toString(), "-c", Integer.toString(cpu.getAsInt())));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SandboxProcess.class.getName()));
        Path dir = Files.createTempDirectory("zwfw-sandbox-process-"); // owner-only: it receives private keys
        command.add(dir.toString());
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Files.deleteIfExists(dir);
            throw e;
        }
        return new SandboxProcess(p, dir, cpu);
    }

    /** @return the API's origin, {@code http://127.0.0.1:<port>/} */
    URI origin() {
        return origin;
    }

    /** @return the CPU the child is pinned to, if it is */
    OptionalInt cpu() {
        return cpu;
    }

    /** @return the child's process */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** @return the directory the child wrote its keys into (deleted by {@link #close()}) */
    Path directory() {
        return dir;
    }

    /**
     * @param alg an algorithm of the default API app
     * @return the default API app's private key of that algorithm
     */
    SigningKey appKey(JwsAlgorithm alg) {
        return SigningKey.fromJwk(read(keyFile(alg)));
    }

    /** @return the platform's public keys, what a client pins */
    KeySet platformKeys() {
        return KeySet.parse(read(PLATFORM_KEYS));
    }

    /**
     * Asks the child for its CPU time (one line there and back).
     *
     * @return its process and sandbox-thread CPU nanoseconds
     */
    synchronized Cpu cpuTime() {
        send(CPU);
        String[] f = next(CPU + " ", ANSWER_SECONDS).split(" ");
        return new Cpu(Long.parseLong(f[1]), Long.parseLong(f[2]));
    }

    /** Ends the child's input, as the parent's end does: the child then exits on its own. */
    void closeInput() {
        try {
            input.close();
        } catch (IOException e) {
            // the child is gone already
        }
    }

    /** Ends the child's input, waits for it to exit (ends it after 10 s) and deletes its directory. */
    @Override
    public void close() {
        closeInput();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox process wrote no " + file, e);
        }
    }

    private void send(String line) {
        try {
            input.write(line + "\n");
            input.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox process does not read its input: " + e.getMessage(), e);
        }
    }

    /** The next line of the child's output that starts with {@code prefix}; other lines are skipped. */
    private String next(String prefix, long seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (true) {
                Optional<String> line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException("the sandbox process did not answer '" + prefix.trim() + "' within "
                            + seconds + " s");
                }
                if (line.isEmpty()) {
                    lines.add(line); // keep the end for later calls
                    throw new IllegalStateException("the sandbox process ended its output (exit status "
                            + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "unknown") + ")");
                }
                if (line.get().startsWith(prefix)) {
                    return line.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the sandbox process", e);
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the stream ended with the child
        }
        lines.add(Optional.empty());
    }

    private static String keyFile(JwsAlgorithm alg) {
        return "app-" + alg.jwsName() + ".jwk";
    }

    /**
     * The child: see the class comment.
     *
     * @param args the directory to write the keys into
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SandboxProcess DIR (started by ApiPairedRatio, not by hand)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        PrintStream out = System.out;
        System.setOut(System.err); // whatever else prints never mixes with the answers
        Sandbox sandbox = Sandbox.builder().apiRateLimit(ApiFixture.RATE_LIMIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-process-shutdown"));
        int status = 1;
        try {
            for (SigningKey k : sandbox.defaultAppKeys(Sandbox.DEFAULT_API_APP)) {
                Files.writeString(dir.resolve(keyFile(k.algorithm())), k.toPrivateJwkJson(), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(PLATFORM_KEYS), sandbox.platformKeys().toJson(), StandardCharsets.UTF_8);
            out.println(READY + sandbox.apiBaseUri().resolve("/"));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(CPU)) {
                    ThreadCpu.Sample s = ThreadCpu.sample();
                    out.println(CPU + " " + s.process() + " " + s.server());
                } else {
                    out.println("unknown " + line.length() + " characters");
                }
                out.flush();
            }
            status = 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("sandbox process: " + e);
        } finally {
            // closed and ended here: nothing the sandbox started may keep this JVM alive
            sandbox.close();
            System.exit(status);
        }
    }
}
