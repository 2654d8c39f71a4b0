package org.innoreg.clientcheck;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code src/test/partner/…/PartnerWorkflow.java} compiled against the generated Java client and
 * run in a class loader of its own (the client and its Jackson, not this test's), so that it meets
 * exactly what a partner's program meets.
 */
final class PartnerWorkflowRun {

    private static final Path SOURCE =
            Path.of("src/test/partner/org/innoreg/partner/PartnerWorkflow.java").toAbsolutePath();

    private PartnerWorkflowRun() {}

    @SuppressWarnings("unchecked")
    static List<String> run(List<Path> clientClasspath, Path out, Map<String, String> settings)
            throws IOException, ReflectiveOperationException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, null, null)) {
            String classpath =
                    clientClasspath.stream().map(Path::toString).collect(Collectors.joining(":"));
            boolean compiled =
                    javac.getTask(
                                    null,
                                    files,
                                    diagnostics,
                                    List.of("-classpath", classpath, "-d", out.toString()),
                                    null,
                                    files.getJavaFileObjects(SOURCE))
                            .call();
            if (!compiled) {
                throw new AssertionError(
                        "PartnerWorkflow does not compile against the generated client:\n"
                                + diagnostics.getDiagnostics().stream()
                                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                                        .map(
                                                d ->
                                                        d.getLineNumber()
                                                                + ": "
                                                                + d.getMessage(Locale.ROOT))
                                        .collect(Collectors.joining("\n")));
            }
        }
        List<URL> urls = new ArrayList<>();
        urls.add(out.toUri().toURL());
        for (Path entry : clientClasspath) {
            urls.add(entry.toUri().toURL());
        }
        try (URLClassLoader loader =
                new URLClassLoader(
                        urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Function<Map<String, String>, List<String>> workflow =
                    (Function<Map<String, String>, List<String>>)
                            loader.loadClass("org.innoreg.partner.PartnerWorkflow")
                                    .getDeclaredConstructor()
                                    .newInstance();
            return workflow.apply(settings);
        }
    }
}
