package kubetutor.kernel;

import com.google.gson.GsonBuilder;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the kernelspec directory {@code kubetutor}: kernel.json, the kernel's jar (so the spec is
 * relocatable through {@code {resource_dir}}) and a logo drawn here. Locations are those of
 * {@code jupyter kernelspec install}; installing again replaces the old spec.
 */
final class KernelSpecInstaller {
    static final String NAME = "kubetutor";
    static final String JAR = "kubetutor-kernel.jar";
    /**
     * Small and quick to start: serial GC, C1 only, a capped heap. A cell that runs out of heap fails
     * alone, at the kernel's boundary: the notebook's state goes on (no -XX:+ExitOnOutOfMemoryError).
     * The free-ratio pair lets the heap shrink again at the collection an idle kernel runs
     * ({@link IdleCollector}); measured with benchmarks/kernel.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx192m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=96m", "-Xshare:auto");

    private KernelSpecInstaller() {}

    static int main(String[] args) throws IOException {
        Path kernels = null;
        String seed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> kernels = userDataDir().resolve("kernels");
                case "--sys-prefix" -> kernels = sysPrefix().resolve("share/jupyter/kernels");
                case "--prefix" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("kubetutor kernel install: --prefix needs a directory");
                        return 2;
                    }
                    kernels = Path.of(args[++i]).toAbsolutePath().resolve("share/jupyter/kernels");
                }
                case "--seed" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("kubetutor kernel install: --seed needs a number");
                        return 2;
                    }
                    seed = args[++i];
                }
                default -> {
                    System.err.println("kubetutor kernel install: unknown option " + args[i]
                            + "\nUsage: kubetutor kernel install [--user | --sys-prefix | --prefix DIR] [--seed N]");
                    return 2;
                }
            }
        }
        if (kernels == null) {
            kernels = userDataDir().resolve("kernels");
        }
        Path jar = runningJar();
        if (jar == null) {
            System.err.println("kubetutor kernel install: run it from the kernel's jar (./kubetutor kernel install)");
            return 1;
        }
        Path dir = install(kernels, jar, javaExecutable(), seed);
        System.out.println("Installed the kernelspec kubetutor in " + dir);
        return 0;
    }

    /** Installs into {@code kernels/kubetutor}, replacing what was there. Returns the spec's directory. */
    static Path install(Path kernels, Path jar, String java, String seed) throws IOException {
        Path dir = kernels.resolve(NAME);
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("kernel.json"), kernelJson(java, seed), StandardCharsets.UTF_8);
        writeLogo(dir.resolve("logo-64x64.png"));
        return dir;
    }

    static String kernelJson(String java, String seed) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(JVM_FLAGS);
        argv.add("-jar");
        argv.add("{resource_dir}/" + JAR);
        if (seed != null) {
            argv.add("--seed");
            argv.add(seed);
        }
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "Kubernetes (kubetutor)");
        spec.put("language", "kubectl");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** jupyter_core's user data directory: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter. */
    static Path userDataDir() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter");
    }

    /** sys.prefix of the python3 on PATH (the one whose Jupyter will look there), else /usr/local. */
    static Path sysPrefix() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // no python3: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Path.of("/usr/local");
    }

    /** The java running us, by absolute path: a Jupyter server's PATH may not have it. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(KernelSpecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A ship's wheel (seven spokes) in white on a blue heptagon, drawn rather than shipped. */
    static void writeLogo(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int size = 64;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x32, 0x6c, 0xe5));
            g.fill(polygon(32, 32, 30, 7));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawOval(19, 19, 26, 26);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 7; i++) {
                double a = -Math.PI / 2 + i * 2 * Math.PI / 7;
                g.drawLine(32, 32, (int) Math.round(32 + 20 * Math.cos(a)), (int) Math.round(32 + 20 * Math.sin(a)));
            }
            g.fillOval(27, 27, 10, 10);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static Path2D polygon(double cx, double cy, double r, int n) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + i * 2 * Math.PI / n;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
