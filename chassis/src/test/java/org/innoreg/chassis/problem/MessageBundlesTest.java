package org.innoreg.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every text a service can answer with exists in English and in Chinese: the keys the code of every
 * module uses (texts, problem titles by slug, kinds of record, Bean Validation message keys)
 * against the bundles it sees, both languages with the same keys and placeholders, and no problem
 * or field message written as a literal instead of a key (a new English-only message fails here).
 * Reads the modules' sources from the repository, so it sees the services as well as the chassis.
 */
@Tag("fast")
class MessageBundlesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES =
            List.of(
                    "chassis",
                    "registry-service",
                    "projects-service",
                    "indicators-service",
                    "gateway");
    private static final Path CHASSIS_BUNDLE =
            Path.of("chassis/src/main/resources/org/innoreg/chassis/problem/messages");
    private static final Path VALIDATION_BUNDLE =
            Path.of("chassis/src/main/resources/ValidationMessages");

    /**
     * A literal that is a text key: a known prefix, then lower-case words (field paths have
     * capitals).
     */
    private static final Pattern KEY =
            Pattern.compile(
                    "\"((?:title|detail|field|type|thing|word|rule|region|platform|organization|project|indicator|target)"
                            + "\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)\"");

    /** A refusal's kind as the constructor is given it. */
    private static final String KIND = "(?:ProblemException\\.)?Kind\\.[A-Z_]+";

    private static final Pattern SLUG =
            Pattern.compile(
                    "new ProblemException\\(\\s*"
                            + KIND
                            + ",\\s*\"([a-z-]+)\"|conflict\\(\"([a-z-]+)\"|problem\\(\"([a-z-]+)\"|"
                            + "(?:slug = |unauthorized\\()\"([a-z-]+)\"");
    private static final Pattern THING = Pattern.compile("notFound\\(\"([a-z]+)\"");
    private static final Pattern VALIDATION_KEY =
            Pattern.compile("\"\\{(innoreg\\.[a-z0-9.-]+)\\}\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");

    /**
     * One argument without calls in it: a literal, a name, a concatenation ("certifications[" + i +
     * "].validTo").
     */
    private static final String ARG = "(?:[^,()\"]|\"[^\"]*\")+";

    /** A message handed over as an English literal rather than a key's text. */
    private static final List<Pattern> LITERAL_MESSAGES =
            List.of(
                    Pattern.compile(
                            "ProblemException\\.(?:invalid|unprocessable)\\(\\s*"
                                    + ARG
                                    + ",\\s*\""),
                    Pattern.compile(
                            "ProblemException\\.implausible\\(\\s*"
                                    + ARG
                                    + ",\\s*"
                                    + ARG
                                    + ",\\s*\""),
                    Pattern.compile("new Problem\\.FieldError\\(\\s*" + ARG + ",\\s*\""),
                    Pattern.compile("\\.error\\(\\s*" + ARG + ",\\s*\""),
                    Pattern.compile("conflict\\(\"[a-z-]+\",\\s*\""),
                    Pattern.compile(
                            "new ProblemException\\(\\s*" + KIND + ",\\s*\"[a-z-]+\",\\s*\""),
                    Pattern.compile("message = \"[^{]"),
                    Pattern.compile("message\\(\\) default \"[^{]"),
                    Pattern.compile("String \\w*MESSAGE\\w* = \"[^{]"));

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        List<Path> bundles = new ArrayList<>(List.of(CHASSIS_BUNDLE, VALIDATION_BUNDLE));
        for (String module : MODULES) {
            bundles.add(Path.of(module, "src/main/resources/innoreg-messages"));
        }
        for (Path bundle : bundles) {
            Map<String, String> english = read(bundle, "");
            Map<String, String> chinese = read(bundle, "_zh_CN");
            assertThat(chinese.keySet())
                    .as(bundle + ": keys in English and Chinese")
                    .isEqualTo(english.keySet());
            english.forEach(
                    (key, text) -> {
                        assertThat(text).as(bundle + " " + key).isNotBlank();
                        assertThat(placeholders(chinese.get(key)))
                                .as(bundle + " " + key + ": placeholders")
                                .isEqualTo(placeholders(text));
                        assertThat(chinese.get(key))
                                .as(bundle + " " + key + ": Chinese text")
                                .containsPattern("\\p{IsHan}|^[{}\\d: ：]+$");
                    });
        }
        assertThat(read(CHASSIS_BUNDLE, "")).isNotEmpty();
        assertThat(read(VALIDATION_BUNDLE, "")).isNotEmpty();
    }

    @Test
    void everyKeyTheCodeUsesHasItsTexts() throws IOException {
        Set<String> missing = new TreeSet<>();
        Map<String, String> validation = read(VALIDATION_BUNDLE, "");
        for (String module : MODULES) {
            Map<String, String> visible = new LinkedHashMap<>(read(CHASSIS_BUNDLE, ""));
            visible.putAll(read(Path.of(module, "src/main/resources/innoreg-messages"), ""));
            for (Path source : sources(module)) {
                String code = Files.readString(source);
                String where = ROOT.relativize(source) + ": ";
                each(KEY, code, key -> require(visible, key, where, missing));
                each(SLUG, code, slug -> require(visible, "title." + slug, where, missing));
                each(THING, code, thing -> require(visible, "thing." + thing, where, missing));
                each(VALIDATION_KEY, code, key -> require(validation, key, where, missing));
                if (source.endsWith("SecurityProblems.java")) {
                    each(SLUG, code, slug -> require(visible, "detail." + slug, where, missing));
                }
            }
        }
        assertThat(missing).as("keys used in code without a text").isEmpty();
    }

    @Test
    void noProblemOrFieldMessageIsALiteral() throws IOException {
        List<String> literals = new ArrayList<>();
        for (String module : MODULES) {
            for (Path source : sources(module)) {
                String relative = ROOT.relativize(source).toString().replace('\\', '/');
                String code = Files.readString(source);
                for (Pattern pattern : LITERAL_MESSAGES) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        literals.add(relative + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(literals)
                .as("messages written as literals: give them a key in the bundles")
                .isEmpty();
    }

    private static final Pattern LABELLED_ENUM =
            Pattern.compile("enum (\\w+) implements (?:\\w+, )?Labelled \\{([^;}]*)");
    private static final Pattern CONSTANT =
            Pattern.compile("^\\s*([A-Z][A-Z0-9_]*)\\s*[(,]?", Pattern.MULTILINE);

    @Test
    void everyCodeOfALabelledEnumHasItsChineseLabel() throws IOException {
        for (String module : MODULES) {
            Set<String> codes = new TreeSet<>();
            for (Path source : sources(module)) {
                String file = source.getFileName().toString().replace(".java", "");
                Matcher m = LABELLED_ENUM.matcher(Files.readString(source));
                while (m.find()) {
                    String type = m.group(1).equals(file) ? file : file + "." + m.group(1);
                    CONSTANT.matcher(m.group(2))
                            .results()
                            .forEach(c -> codes.add(type + "." + c.group(1)));
                }
            }
            Map<String, String> labels =
                    read(Path.of(module, "src/main/resources/innoreg-labels"), "");
            assertThat(labels.keySet())
                    .as(module + ": a label for each code of its enums, and none for a code gone")
                    .isEqualTo(codes);
            labels.forEach(
                    (code, names) ->
                            assertThat(names)
                                    .as(module + " " + code)
                                    .containsPattern("\\p{IsHan}"));
        }
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        // the patterns above must match what they are meant to catch, or the tests pass on nothing
        String untranslated =
                "throw ProblemException.invalid(\"sort\", \"must be one of a, b\");"
                        + "new ProblemException(ProblemException.Kind.CONFLICT, \"dup\", \"exists\", null);"
                        + "errors.add(new Problem.FieldError(\"list[\" + i + \"]\",\n \"is wrong\"));"
                        + "row.error(column, \"'\" + value + \"' is wrong\");"
                        + "@Pattern(regexp = \"x\", message = \"must be x\")"
                        + "private static final String PERIOD_MESSAGE = \"must be a period\";";
        long found =
                LITERAL_MESSAGES.stream()
                        .mapToLong(p -> p.matcher(untranslated).results().count())
                        .sum();
        assertThat(found).isEqualTo(6);
        String keyed =
                "ProblemException.invalid(\"sort\", Messages.text(\"field.one-of\", x)); notFound(\"platform\", id);"
                        + "ProblemException.implausible(Rules.X, \"value\", Messages.text(\"rule.x\", \"a\"));"
                        + "new ProblemException(Kind.CONFLICT, \"duplicate\", Messages.text(\"platform.duplicate\", a, b), List.of());"
                        + "message = \"{innoreg.year}\"";
        assertThat(
                        LITERAL_MESSAGES.stream()
                                .mapToLong(p -> p.matcher(keyed).results().count())
                                .sum())
                .isZero();
        List<String> keys = new ArrayList<>();
        each(KEY, keyed, keys::add);
        each(SLUG, keyed, keys::add);
        each(THING, keyed, keys::add);
        each(VALIDATION_KEY, keyed, keys::add);
        assertThat(keys)
                .containsExactly(
                        "field.one-of",
                        "rule.x",
                        "platform.duplicate",
                        "duplicate",
                        "platform",
                        "innoreg.year");
        Matcher labelled =
                LABELLED_ENUM.matcher(
                        "public enum Kind implements Labelled {\n    LEVEL,\n    A_B(3)\n}");
        assertThat(labelled.find()).isTrue();
        assertThat(CONSTANT.matcher(labelled.group(2)).results().map(r -> r.group(1)))
                .containsExactly("LEVEL", "A_B");
    }

    private static void require(
            Map<String, String> bundle, String key, String where, Set<String> missing) {
        if (!bundle.containsKey(key)) {
            missing.add(where + key);
        }
    }

    private static void each(
            Pattern pattern, String code, java.util.function.Consumer<String> action) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            for (int group = 1; group <= m.groupCount(); group++) {
                if (m.group(group) != null) {
                    action.accept(m.group(group));
                }
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(r -> found.add(r.group()));
        return found;
    }

    private static Map<String, String> read(Path bundle, String suffix) throws IOException {
        Path file = ROOT.resolve(bundle + suffix + ".properties");
        Map<String, String> texts = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return texts;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }

    private static List<Path> sources(String module) throws IOException {
        Path main = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
