package org.innoreg.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * src/test/node/validate.mjs, installed once into target/ with {@code npm ci} (the versions pinned
 * by its package-lock.json, from the npm registry or npm's cache) and run on rendered manifests.
 */
final class SchemaValidator {

    private static final Path SOURCE = Path.of("src/test/node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path installed;

    /**
     * One object of the report: its errors (empty when valid) and the schema it was checked
     * against.
     */
    record Checked(
            String file,
            String apiVersion,
            String kind,
            String name,
            String schema,
            List<String> errors) {}

    record Report(List<Checked> objects, int errorCount, List<String> unresolvedTypes, String raw) {

        List<Checked> in(String file) {
            return objects.stream().filter(o -> o.file().equals(file)).toList();
        }

        List<String> errorsOf(String file, String kind, String name) {
            return in(file).stream()
                    .filter(o -> o.kind().equals(kind) && o.name().equals(name))
                    .flatMap(o -> o.errors().stream())
                    .toList();
        }

        List<String> allErrors() {
            return objects.stream()
                    .flatMap(
                            o ->
                                    o.errors().stream()
                                            .map(
                                                    e ->
                                                            o.file() + " " + o.kind() + "/"
                                                                    + o.name() + ": " + e))
                    .toList();
        }
    }

    static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Tools.require("node", "Node.js 20 or later: apt-get install nodejs npm");
        Tools.require("npm", "apt-get install npm");
        try {
            Path dir = Repo.work("node-validator");
            String lock = Files.readString(SOURCE.resolve("package-lock.json"));
            String stamp = sha256(Files.readString(SOURCE.resolve("package.json")) + lock);
            Path stampFile = dir.resolve("installed.sha256");
            Files.copy(
                    SOURCE.resolve("validate.mjs"),
                    dir.resolve("validate.mjs"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (!Files.exists(stampFile)
                    || !Files.readString(stampFile).equals(stamp)
                    || !Files.isDirectory(dir.resolve("node_modules/kubernetes-models"))) {
                Files.copy(
                        SOURCE.resolve("package.json"),
                        dir.resolve("package.json"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve("package-lock.json"), lock);
                Tools.Result npm =
                        Tools.run(
                                dir,
                                300,
                                List.of(
                                        "npm",
                                        "ci",
                                        "--no-audit",
                                        "--no-fund",
                                        "--prefer-offline",
                                        "--loglevel=error"));
                if (npm.exitCode() != 0) {
                    throw new AssertionError(
                            "npm ci for the manifest validator failed:\n"
                                    + npm.stderr()
                                    + npm.stdout());
                }
                Files.writeString(stampFile, stamp);
            }
            installed = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates each file; the report has one entry per object, each file's objects under the
     * file's name.
     */
    static Report validate(Path... files) {
        Path dir = install();
        List<String> command =
                Tools.command(
                        "node",
                        dir.resolve("validate.mjs").toString(),
                        "--crds",
                        Repo.SCHEMAS.toString());
        for (Path file : files) {
            command.add(file.toAbsolutePath().toString());
        }
        Tools.Result result = Tools.run(dir, 300, command);
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new AssertionError(
                    "the validator could not run (exit "
                            + result.exitCode()
                            + "):\n"
                            + result.stderr());
        }
        try {
            JsonNode report = JSON.readTree(result.stdout());
            List<Checked> objects = new ArrayList<>();
            for (JsonNode o : report.path("objects")) {
                List<String> errors = new ArrayList<>();
                o.path("errors").forEach(e -> errors.add(e.asText()));
                objects.add(
                        new Checked(
                                o.path("file").asText(),
                                o.path("apiVersion").asText(),
                                o.path("kind").asText(),
                                o.path("name").asText(),
                                o.path("schema").asText(null),
                                errors));
            }
            List<String> unresolved = new ArrayList<>();
            report.path("unresolvedTypes").forEach(t -> unresolved.add(t.asText()));
            Report parsed =
                    new Report(
                            objects,
                            report.path("errorCount").asInt(),
                            unresolved,
                            result.stdout());
            if ((result.exitCode() == 0) != (parsed.errorCount() == 0)) {
                throw new AssertionError(
                        "validator exit code " + result.exitCode() + " disagrees with its report");
            }
            return parsed;
        } catch (IOException e) {
            throw new AssertionError(
                    "the validator's report is not JSON:\n" + result.stdout() + result.stderr(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchemaValidator() {}
}
